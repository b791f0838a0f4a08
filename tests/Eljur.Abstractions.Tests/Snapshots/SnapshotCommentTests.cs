using Eljur.Abstractions.Snapshots;
using static Eljur.Abstractions.Tests.Snapshots.SnapshotTestSupport;

namespace Eljur.Abstractions.Tests.Snapshots;

/// <summary>
/// Comments are allowed in a snapshot (hand-edited files carry them) and change nothing: the reader
/// steps over them wherever they stand, also inside a property it keeps as extension data.
/// </summary>
public class SnapshotCommentTests
{
    [Fact]
    public void Comments_anywhere_read_as_the_same_snapshot()
    {
        var plain = Read(SampleSnapshot.Json);
        var commented = SampleSnapshot.Json
            .Replace("\"marks\": [", "/* оценки */ \"marks\": // массив\n [ /* первая */")
            .Replace("\"id\": \"m1\",", "\"id\": /* до значения */ \"m1\" /* после */, // конец строки\n")
            .Replace("\"note\": { \"x\": 1,", "\"note\": { /* в расширении */ \"x\": 1, // и тут\n");

        Assert.NotEqual(SampleSnapshot.Json, commented);
        var read = Read(commented);

        AssertDeepEqual(plain, read);
        Assert.Equal("{\"x\":1,\"текст\":\"ок\"}", read.Marks![0].ExtensionData!["note"]);
        Assert.Equal(Write(plain), Write(read));
    }

    [Fact]
    public void An_unclosed_comment_is_an_error_with_its_place()
    {
        var broken = SampleSnapshot.Json.Replace("\"marks\": [", "\"marks\": [ /* не закрыт");

        var e = Assert.Throws<SnapshotFormatException>(() => Read(broken, "s.json"));

        Assert.Contains("error while parsing the JSON text", e.Message);
        Assert.Equal("s.json", e.FileName);
        Assert.True(e.LineNumber > 1);
    }
}
