namespace Eljur.Abstractions.Snapshots;

/// <summary>
/// The property names of <c>eljur.snapshot/1</c> as small numbers: the reader's name table gives each
/// name's number with its string, and the record readers switch on the number. The order is that of
/// <see cref="SnapshotParser.KnownNames"/>.
/// </summary>
internal static class SnapshotNames
{
    internal const int Format = 0;

    internal const int Source = 1;

    internal const int School = 2;

    internal const int Periods = 3;

    internal const int Holidays = 4;

    internal const int Subjects = 5;

    internal const int Classes = 6;

    internal const int Students = 7;

    internal const int Staff = 8;

    internal const int Lessons = 9;

    internal const int Absences = 10;

    internal const int Marks = 11;

    internal const int Plans = 12;

    internal const int GiaResults = 13;

    internal const int Accounts = 14;

    internal const int Logins = 15;

    internal const int Operations = 16;

    internal const int Archive = 17;

    internal const int Connector = 18;

    internal const int Instance = 19;

    internal const int FetchedAt = 20;

    internal const int From = 21;

    internal const int To = 22;

    internal const int Capabilities = 23;

    internal const int Unmapped = 24;

    internal const int Count = 25;

    internal const int Examples = 26;

    internal const int VendorId = 27;

    internal const int Id = 28;

    internal const int Name = 29;

    internal const int TimeZone = 30;

    internal const int WorkWeek = 31;

    internal const int Region = 32;

    internal const int Kind = 33;

    internal const int Start = 34;

    internal const int End = 35;

    internal const int Grade = 36;

    internal const int HomeroomTeacherId = 37;

    internal const int ClassId = 38;

    internal const int EnrolledOn = 39;

    internal const int LeftOn = 40;

    internal const int Consent = 41;

    internal const int Roles = 42;

    internal const int EmployedUntil = 43;

    internal const int SubjectId = 44;

    internal const int TeacherId = 45;

    internal const int SubstituteId = 46;

    internal const int GroupId = 47;

    internal const int Date = 48;

    internal const int Held = 49;

    internal const int HeldAt = 50;

    internal const int Topic = 51;

    internal const int TopicEnteredAt = 52;

    internal const int TopicEnteredAfter = 53;

    internal const int Homework = 54;

    internal const int HomeworkEnteredAt = 55;

    internal const int HomeworkEnteredAfter = 56;

    internal const int Comment = 57;

    internal const int CommentEnteredAt = 58;

    internal const int LessonId = 59;

    internal const int StudentId = 60;

    internal const int Reason = 61;

    internal const int Late = 62;

    internal const int EnteredAt = 63;

    internal const int EnteredAfter = 64;

    internal const int EnteredBy = 65;

    internal const int PeriodId = 66;

    internal const int Value = 67;

    internal const int Weight = 68;

    internal const int Revisions = 69;

    internal const int At = 70;

    internal const int After = 71;

    internal const int By = 72;

    internal const int PlannedHours = 73;

    internal const int CurriculumHours = 74;

    internal const int AnnouncedOn = 75;

    internal const int PersonId = 76;

    internal const int Role = 77;

    internal const int StudentIds = 78;

    internal const int CreatedAt = 79;

    internal const int ActivatedAt = 80;

    internal const int Active = 81;

    internal const int LastLoginAt = 82;

    internal const int AccountId = 83;

    internal const int Copies = 84;

    internal const int Scope = 85;

    internal const int DocumentType = 86;

    internal const int SchoolYear = 87;

    internal const int ArchivedOn = 88;

    internal const int DestroyedOn = 89;
}
