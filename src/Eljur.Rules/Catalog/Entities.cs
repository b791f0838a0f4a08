using System;
using System.Globalization;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Rules.Catalog;

/// <summary>Entity ids of findings, as <c>rules.md</c> defines them.</summary>
internal static class Entities
{
    public static FindingEntity Of(Lesson lesson) => new("lesson", lesson.Id);

    public static FindingEntity Of(Mark mark) => Mark(mark.Id);

    public static FindingEntity Mark(string markId) => new("mark", markId);

    public static FindingEntity Of(Absence absence) => new("absence", absence.Key);

    public static FindingEntity Of(Account account) => new("account", account.Id);

    public static FindingEntity Of(Student student) => new("student", student.Id);

    public static FindingEntity Of(ArchiveRecord record) => new("archiveRecord", record.Id);

    public static FindingEntity Of(GiaResult result) => new("giaResult", result.StudentId + ":" + result.SubjectId);

    public static FindingEntity Revision(Mark mark, int number) => new("revision", mark.Id + "#" + number.ToString(CultureInfo.InvariantCulture));

    public static FindingEntity PeriodMark(string studentId, string subjectId, string periodId) => new("periodMark", studentId + ":" + subjectId + ":" + periodId);

    public static FindingEntity Plan(string classId, string subjectId) => new("plan", classId + ":" + subjectId);

    public static FindingEntity OperationGap(DateTime from, DateTime to) => new("operationGap", IsoDate(from) + "/" + IsoDate(to));

    public static FindingEntity Month(int year, int month) => new("month", year.ToString("0000", CultureInfo.InvariantCulture) + "-" + month.ToString("00", CultureInfo.InvariantCulture));

    public static FindingEntity Day(DateTime date) => new("day", IsoDate(date));

    public static FindingEntity Document(ArchiveDocumentType type, string schoolYear, string? classId) =>
        new("document", JsonNames.Of(type) + ":" + schoolYear + ":" + (classId ?? "school"));

    public static string IsoDate(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
