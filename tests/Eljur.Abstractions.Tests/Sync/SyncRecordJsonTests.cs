using System;
using System.Collections.Generic;
using System.IO;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Sync;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Eljur.Abstractions.Tests.Sync;

public sealed class SyncRecordJsonTests
{
    private static readonly Dictionary<string, string> Extra = new() { ["vendorRoom"] = "\"204\"", ["Mixed_Case"] = "{\"a\":1}" };

    public static TheoryData<object> Records() => new()
    {
        new Mark
        {
            Id = "m1", StudentId = "s1", SubjectId = "math", LessonId = "l1", Date = new DateTime(2024, 10, 7), Kind = MarkKind.Written,
            PeriodId = "q1", Value = "3/5", Weight = 1.25m, EnteredBy = "t1", ExtensionData = Extra,
        },
        new Mark { Id = "m2", StudentId = "s1", SubjectId = "math", Date = new DateTime(2024, 10, 7), Value = "5" },
        new Lesson
        {
            Id = "l1", ClassId = "c", SubjectId = "math", TeacherId = "t1", SubstituteId = "t2", GroupId = "g1", Date = new DateTime(2024, 10, 7),
            Start = new TimeSpan(8, 30, 0), End = new TimeSpan(9, 15, 0), Kind = LessonKind.Lab, Held = false,
            HeldAt = new DateTimeOffset(2024, 10, 7, 9, 0, 0, TimeSpan.FromHours(5)), Topic = "Дроби", Homework = "№ 1",
            Comment = "ok", CommentEnteredAt = new DateTimeOffset(2024, 10, 7, 9, 1, 2, 345, TimeSpan.FromHours(3)), ExtensionData = Extra,
        },
        new Lesson { Id = "l2", ClassId = "c", SubjectId = "math", TeacherId = "t1", Date = new DateTime(2024, 10, 8) },
        new Absence { LessonId = "l1", StudentId = "s1", Reason = AbsenceReason.Valid, Late = true, EnteredBy = "t1", ExtensionData = Extra },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void TheFastWritersAgreeWithTheGeneralOneAndReadBack(object record)
    {
        var (fast, stripped) = record switch
        {
            Mark m => (SyncRecordJson.Mark(m), (object)SyncRecordJson.StripTimes(m)),
            Lesson l => (SyncRecordJson.Lesson(l), SyncRecordJson.StripTimes(l)),
            Absence a => (SyncRecordJson.Absence(a), SyncRecordJson.StripTimes(a)),
            _ => throw new InvalidOperationException(),
        };

        Assert.True(JToken.DeepEquals(Parse(SyncRecordJson.Reflected(stripped)), Parse(fast)), fast + "\n" + SyncRecordJson.Reflected(stripped));
        object back = record switch
        {
            Mark => SyncRecordJson.Read<Mark>(fast),
            Lesson => SyncRecordJson.Read<Lesson>(fast),
            _ => SyncRecordJson.Read<Absence>(fast),
        };
        Assert.Equal(fast, Rewrite(back));
    }

    [Fact]
    public void EntryTimesAreStrippedAndOffsetsSurvive()
    {
        var at = new DateTimeOffset(2024, 10, 7, 10, 0, 0, TimeSpan.FromHours(5));
        var mark = new Mark { Id = "m", Value = "5", EnteredAt = at, EnteredAfter = at, Revisions = new[] { new MarkRevision { At = at, From = "4", To = "5" } } };
        var lesson = new Lesson { Id = "l", Topic = "t", TopicEnteredAt = at, HomeworkEnteredAfter = at, HeldAt = at };

        Assert.Equal(SyncRecordJson.Mark(mark with { EnteredAt = null, EnteredAfter = null, Revisions = Array.Empty<MarkRevision>() }), SyncRecordJson.Mark(mark));
        Assert.DoesNotContain("enteredAt", SyncRecordJson.Mark(mark));
        Assert.DoesNotContain("topicEnteredAt", SyncRecordJson.Lesson(lesson));
        Assert.Equal(at.Offset, SyncRecordJson.Read<Lesson>(SyncRecordJson.Lesson(lesson)).HeldAt!.Value.Offset);
        var revisions = SyncRecordJson.ReadRevisions(SyncRecordJson.Revisions(mark.Revisions));
        Assert.Equal(at, revisions[0].At);
        Assert.Equal(at.Offset, revisions[0].At.Offset);
    }

    [Fact]
    public void HashesFollowEveryWrittenFieldAndIgnoreObservedTimes()
    {
        var mark = new Mark { Id = "m", StudentId = "s", SubjectId = "x", Date = new DateTime(2024, 10, 7), Value = "5", ExtensionData = Extra };
        var at = new DateTimeOffset(2024, 10, 7, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(SyncRecordJson.MarkHash(mark), SyncRecordJson.MarkHash(mark with { EnteredAt = at, EnteredAfter = at }));
        Assert.Equal(SyncRecordJson.MarkHash(mark), SyncRecordJson.MarkHash(mark with { }));
        foreach (var changed in new[]
        {
            mark with { Value = "4" }, mark with { Weight = 2m }, mark with { Kind = MarkKind.Written }, mark with { Date = mark.Date.AddDays(1) },
            mark with { StudentId = "" }, mark with { EnteredBy = "t1" }, mark with { ExtensionData = null }, mark with { LessonId = "l" },
        })
        {
            Assert.NotEqual(SyncRecordJson.MarkHash(mark), SyncRecordJson.MarkHash(changed));
        }

        var lesson = new Lesson { Id = "l", Date = new DateTime(2024, 10, 7) };
        Assert.NotEqual(SyncRecordJson.LessonHash(lesson), SyncRecordJson.LessonHash(lesson with { Topic = "Дроби" }));
        Assert.NotEqual(SyncRecordJson.LessonHash(lesson with { Topic = "ab", Homework = "c" }), SyncRecordJson.LessonHash(lesson with { Topic = "a", Homework = "bc" }));
        Assert.Equal(SyncRecordJson.LessonHash(lesson), SyncRecordJson.LessonHash(lesson with { TopicEnteredAt = at }));
        var absence = new Absence { LessonId = "l", StudentId = "s" };
        Assert.NotEqual(SyncRecordJson.AbsenceHash(absence), SyncRecordJson.AbsenceHash(absence with { Late = true }));
    }

    private static string Rewrite(object record) => record switch
    {
        Mark m => SyncRecordJson.Mark(m),
        Lesson l => SyncRecordJson.Lesson(l),
        Absence a => SyncRecordJson.Absence(a),
        _ => throw new InvalidOperationException(),
    };

    private static JToken Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JToken.ReadFrom(reader);
    }
}
