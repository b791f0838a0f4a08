using System;
using System.Collections.Generic;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Sync;
using static Eljur.Abstractions.Tests.Snapshots.SnapshotTestSupport;

namespace Eljur.Abstractions.Tests.Sync;

/// <summary>The export's fast payload reader builds the same records as the general Json.NET path it replaces.</summary>
public sealed class SyncPayloadReaderTests
{
    private static readonly Dictionary<string, string> Extra = new() { ["vendorRoom"] = "\"204\"", ["Mixed_Case"] = "{\"a\":\"\\u0022x\"}" };
    private static readonly DateTimeOffset At = new(2024, 10, 7, 18, 5, 0, TimeSpan.FromHours(5));
    private static readonly DateTimeOffset After = new(2024, 10, 7, 0, 0, 0, TimeSpan.FromHours(5));

    public static TheoryData<Mark> Marks() => new()
    {
        new Mark
        {
            Id = "m1", StudentId = "s1", SubjectId = "2300000000000000123", LessonId = "l1", Date = new DateTime(2024, 10, 7), Kind = MarkKind.Written,
            PeriodId = "q1", Value = "3/5", Weight = 1.250m, EnteredBy = "t1", ExtensionData = Extra,
        },
        new Mark { Id = "m2", StudentId = "s1", SubjectId = "math", Date = new DateTime(2024, 10, 7), Value = "зач", Kind = MarkKind.Final },
        new Mark { Id = "m \"3\"\\", StudentId = "s\u00e91", SubjectId = "math", Date = new DateTime(2024, 2, 29), Value = "5\t", Kind = MarkKind.Period },
    };

    public static TheoryData<Lesson> Lessons() => new()
    {
        new Lesson
        {
            Id = "l1", ClassId = "c", SubjectId = "math", TeacherId = "t1", SubstituteId = "t2", GroupId = "g1", Date = new DateTime(2024, 10, 7),
            Start = new TimeSpan(8, 30, 0), End = new TimeSpan(9, 15, 30), Kind = LessonKind.Lab, Held = false,
            HeldAt = new DateTimeOffset(2024, 10, 7, 9, 0, 0, TimeSpan.FromHours(5)), Topic = "Дроби «обыкновенные»", Homework = "№ 1\n№ 2",
            Comment = "ok", CommentEnteredAt = new DateTimeOffset(2024, 10, 7, 9, 1, 2, 345, TimeSpan.FromHours(-3)), ExtensionData = Extra,
        },
        new Lesson { Id = "l2", ClassId = "c", SubjectId = "math", TeacherId = "", Date = new DateTime(2024, 10, 8), Held = true, HeldAt = new DateTimeOffset(2024, 10, 8, 3, 0, 0, TimeSpan.Zero) },
    };

    [Theory]
    [MemberData(nameof(Marks))]
    public void A_mark_reads_as_the_general_path_reads_it(Mark mark)
    {
        var payload = SyncRecordJson.Mark(mark);
        var revisions = new[] { new MarkRevision { At = At, After = After, By = "t1", From = "4", To = mark.Value } };
        var fast = new SyncPayloadReader().Mark(payload, At, After, revisions);
        var general = SyncRecordJson.Read<Mark>(payload) with { EnteredAt = At, EnteredAfter = After, Revisions = revisions };

        Assert.NotNull(fast);
        AssertDeepEqual(general, fast);
        AssertDeepEqual(mark with { EnteredAt = At, EnteredAfter = After, Revisions = revisions }, fast);
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void A_lesson_reads_as_the_general_path_reads_it(Lesson lesson)
    {
        var payload = SyncRecordJson.Lesson(lesson);
        var fast = new SyncPayloadReader().Lesson(payload, At, After, null, At);
        var general = SyncRecordJson.Read<Lesson>(payload) with { TopicEnteredAt = At, TopicEnteredAfter = After, HomeworkEnteredAfter = At };

        Assert.NotNull(fast);
        AssertDeepEqual(general, fast);
    }

    [Fact]
    public void An_absence_reads_as_the_general_path_reads_it()
    {
        var absence = new Absence { LessonId = "l1", StudentId = "s1", Reason = AbsenceReason.Valid, Late = true, EnteredBy = "t1", ExtensionData = Extra };
        var payload = SyncRecordJson.Absence(absence);
        var fast = new SyncPayloadReader().Absence(payload, At, null);

        Assert.NotNull(fast);
        AssertDeepEqual(SyncRecordJson.Read<Absence>(payload) with { EnteredAt = At }, fast);
        AssertDeepEqual(absence with { EnteredAt = At }, fast);
    }

    [Theory]
    [InlineData("{\"id\":\"m\",\"studentId\":\"s\",\"subjectId\":\"x\",\"date\":\"2024-10-07T00:00:00\",\"kind\":7,\"value\":\"5\"}")]
    [InlineData("{\"id\":\"m\",\"studentId\":\"s\",\"subjectId\":\"x\",\"date\":\"2024-10-07T10:00:00\",\"kind\":\"Current\",\"value\":\"5\"}")]
    [InlineData("{\"id\":\"m\",\"studentId\":\"s\",\"subjectId\":\"x\",\"date\":\"2024-10-07T00:00:00\",\"kind\":\"Current\",\"value\":\"5\",\"newField\":1}")]
    [InlineData("{\"id\":{\"nested\":1},\"studentId\":\"s\"}")]
    [InlineData("[1,2]")]
    public void A_payload_of_another_shape_is_left_to_the_general_path(string payload)
    {
        Assert.Null(new SyncPayloadReader().Mark(payload, null, null, Array.Empty<MarkRevision>()));
    }

    [Fact]
    public void Repeated_ids_share_one_instance()
    {
        var reader = new SyncPayloadReader();
        var a = reader.Mark(SyncRecordJson.Mark(new Mark { Id = "m1", StudentId = "st-17", SubjectId = "math", Date = new DateTime(2024, 10, 7), Value = "5" }), null, null, Array.Empty<MarkRevision>());
        var b = reader.Mark(SyncRecordJson.Mark(new Mark { Id = "m2", StudentId = "st-17", SubjectId = "math", Date = new DateTime(2024, 10, 8), Value = "5" }), null, null, Array.Empty<MarkRevision>());

        Assert.Same(a!.StudentId, b!.StudentId);
        Assert.Same(a.Value, b.Value);
    }
}
