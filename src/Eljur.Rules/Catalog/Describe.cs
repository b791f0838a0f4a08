using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Rules.Catalog;

/// <summary>Russian descriptions of records for finding messages.</summary>
internal static class Describe
{
    public static string Mark(EvaluationData data, Mark mark) =>
        $"отметка «{mark.Value}», {data.FindStudent(mark.StudentId)?.Name ?? mark.StudentId}, {data.FindSubject(mark.SubjectId)?.Name ?? mark.SubjectId}, за {RussianText.Date(mark.Date)}";

    public static string Student(EvaluationData data, string studentId) => data.FindStudent(studentId)?.Name ?? studentId;

    public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);
}
