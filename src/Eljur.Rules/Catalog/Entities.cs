using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Rules.Catalog;

/// <summary>Entity ids of findings, as <c>rules.md</c> defines them.</summary>
internal static class Entities
{
    public static FindingEntity Of(Lesson lesson) => new("lesson", lesson.Id);

    public static FindingEntity Of(Mark mark) => new("mark", mark.Id);

    public static FindingEntity Of(Absence absence) => new("absence", absence.Key);

    public static FindingEntity Revision(Mark mark, int number) => new("revision", mark.Id + "#" + number.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
