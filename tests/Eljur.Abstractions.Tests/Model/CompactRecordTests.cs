using System;
using Eljur.Abstractions.Model;

namespace Eljur.Abstractions.Tests.Model;

/// <summary>The records keep their instants and weights compactly; what goes in must come out exactly.</summary>
public sealed class CompactRecordTests
{
    public static TheoryData<DateTimeOffset> Instants => new()
    {
        new DateTimeOffset(2024, 9, 2, 8, 2, 0, TimeSpan.FromHours(5)),
        new DateTimeOffset(2024, 9, 2, 8, 2, 0, 123, TimeSpan.FromHours(3)).AddTicks(4567),
        new DateTimeOffset(2024, 12, 31, 23, 59, 59, TimeSpan.FromHours(14)),
        new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(-12)),
        new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.FromMinutes(345)),
        new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero),
        DateTimeOffset.MinValue,
        DateTimeOffset.MaxValue,
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void AnInstantComesBackWithItsTicksAndOffset(DateTimeOffset at)
    {
        var mark = new Mark { EnteredAt = at, EnteredAfter = at };
        var lesson = new Lesson { HeldAt = at, TopicEnteredAt = at, TopicEnteredAfter = at, HomeworkEnteredAt = at, HomeworkEnteredAfter = at, CommentEnteredAt = at };
        var absence = new Absence { EnteredAt = at, EnteredAfter = at };

        foreach (var value in new[] { mark.EnteredAt, mark.EnteredAfter, lesson.HeldAt, lesson.TopicEnteredAt, lesson.TopicEnteredAfter, lesson.HomeworkEnteredAt, lesson.HomeworkEnteredAfter, lesson.CommentEnteredAt, absence.EnteredAt, absence.EnteredAfter })
        {
            Assert.Equal((at.Ticks, at.Offset), (value!.Value.Ticks, value.Value.Offset));
        }
    }

    [Fact]
    public void NoInstantStaysNoneAndACopyKeepsOrClearsIt()
    {
        var at = new DateTimeOffset(2024, 9, 2, 8, 2, 0, TimeSpan.FromHours(5));
        var mark = new Mark { Id = "m1" };

        Assert.Null(mark.EnteredAt);
        Assert.Null(mark.EnteredAfter);
        Assert.Null(new Lesson().TopicEnteredAt);
        Assert.Null(new Absence().EnteredAfter);
        var entered = mark with { EnteredAt = at };
        Assert.Equal(at, entered.EnteredAt);
        Assert.Null(entered.EnteredAfter);
        Assert.Equal(at, (entered with { Value = "5" }).EnteredAt);
        Assert.Null((entered with { EnteredAt = null }).EnteredAt);
        Assert.Equal(mark, entered with { EnteredAt = null });
    }

    [Fact]
    public void RecordsWithTheSameInstantsAndWeightsAreEqualAndOthersAreNot()
    {
        var at = new DateTimeOffset(2024, 9, 2, 8, 2, 0, TimeSpan.FromHours(5));
        var a = new Mark { Id = "m1", Value = "5", EnteredAt = at, Weight = 1.5m };
        var b = new Mark { Id = "m1", Value = "5", EnteredAt = new DateTimeOffset(at.Ticks, at.Offset), Weight = 1.50m };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(1.5m, b.Weight);
        Assert.Null(new Mark().Weight);
        Assert.NotEqual(a, a with { Weight = 2m });
        Assert.NotEqual(a, a with { Weight = null });
        Assert.NotEqual(a, a with { EnteredAt = at.AddSeconds(1) });
        Assert.NotEqual(a, a with { EnteredAfter = at });
    }
}
