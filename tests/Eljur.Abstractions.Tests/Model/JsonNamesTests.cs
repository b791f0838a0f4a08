using System;
using System.IO;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;

namespace Eljur.Abstractions.Tests.Model;

public class JsonNamesTests
{
    [Fact]
    public void Every_value_has_its_json_name_and_parses_back()
    {
        Assert.Equal("written", JsonNames.Of(MarkKind.Written));
        Assert.Equal("halfYear", JsonNames.Of(PeriodKind.HalfYear));
        foreach (MarkKind kind in Enum.GetValues(typeof(MarkKind)))
        {
            Assert.True(JsonNames.TryParse<MarkKind>(JsonNames.Of(kind), out var back));
            Assert.Equal(kind, back);
        }
    }

    [Fact]
    public void An_undefined_value_has_no_name_and_the_writer_says_which()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JsonNames.Of((MarkKind)99));

        var snapshot = SnapshotReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Snapshots.SampleSnapshot.Json)));
        var broken = snapshot with { Marks = new[] { snapshot.Marks![0] with { Kind = (MarkKind)99 } } };
        var e = Assert.Throws<ArgumentException>(() => SnapshotWriter.Write(broken, new MemoryStream()));
        Assert.Contains("undefined MarkKind value 99", e.Message);
    }
}
