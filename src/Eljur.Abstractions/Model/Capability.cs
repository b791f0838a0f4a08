using System.Collections.Generic;

namespace Eljur.Abstractions.Model;

/// <summary>The capability names a snapshot source can declare (see <c>snapshot-format.md</c>).</summary>
public static class Capability
{
    /// <summary>Lessons are listed.</summary>
    public const string Lessons = "lessons";

    /// <summary>Lesson topics are filled.</summary>
    public const string Topics = "topics";

    /// <summary>Homework is filled.</summary>
    public const string Homework = "homework";

    /// <summary>Marks are listed.</summary>
    public const string Marks = "marks";

    /// <summary>Absences are listed.</summary>
    public const string Absences = "absences";

    /// <summary>Academic periods are listed.</summary>
    public const string Periods = "periods";

    /// <summary>Calendar-thematic plans are listed.</summary>
    public const string Plans = "plans";

    /// <summary>GIA results are listed.</summary>
    public const string GiaResults = "giaResults";

    /// <summary>Accounts are listed.</summary>
    public const string Accounts = "accounts";

    /// <summary>Logins are listed.</summary>
    public const string Logins = "logins";

    /// <summary>The school's operations log is included.</summary>
    public const string Operations = "operations";

    /// <summary>The archive register is included.</summary>
    public const string Archive = "archive";

    /// <summary>Students' personal-data consents are filled.</summary>
    public const string Consents = "consents";

    /// <summary>Marks' <c>enteredAt</c> is filled.</summary>
    public const string MarkEntryTimes = "markEntryTimes";

    /// <summary>Absences' <c>enteredAt</c> is filled.</summary>
    public const string AbsenceEntryTimes = "absenceEntryTimes";

    /// <summary>Lessons' <c>topicEnteredAt</c> is filled.</summary>
    public const string TopicEntryTimes = "topicEntryTimes";

    /// <summary>Lessons' <c>homeworkEnteredAt</c> is filled.</summary>
    public const string HomeworkEntryTimes = "homeworkEntryTimes";

    /// <summary>Shorthand for all four entry-time capabilities.</summary>
    public const string EntryTimes = "entryTimes";

    /// <summary>Mark revision history is filled.</summary>
    public const string Revisions = "revisions";

    /// <summary>The <c>enteredBy</c> / <c>by</c> fields are filled.</summary>
    public const string Authors = "authors";

    /// <summary>Lesson <c>start</c>/<c>end</c> are filled.</summary>
    public const string LessonTimes = "lessonTimes";

    /// <summary>The four capabilities that <see cref="EntryTimes"/> stands for.</summary>
    public static IReadOnlyList<string> EntryTimeParts { get; } =
        new[] { MarkEntryTimes, AbsenceEntryTimes, TopicEntryTimes, HomeworkEntryTimes };

    /// <summary>Every capability name defined by <c>eljur.snapshot/1</c>.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        Lessons, Topics, Homework, Marks, Absences, Periods, Plans, GiaResults, Accounts, Logins,
        Operations, Archive, Consents, MarkEntryTimes, AbsenceEntryTimes, TopicEntryTimes,
        HomeworkEntryTimes, EntryTimes, Revisions, Authors, LessonTimes,
    };
}
