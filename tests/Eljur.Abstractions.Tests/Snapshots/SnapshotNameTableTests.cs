using System.Text;
using Eljur.Abstractions.Snapshots;

namespace Eljur.Abstractions.Tests.Snapshots;

public class SnapshotNameTableTests
{
    [Fact]
    public void Every_name_of_the_format_is_found_with_its_number()
    {
        for (var id = 0; id < SnapshotParser.KnownNames.Length; id++)
        {
            Assert.Equal(id, SnapshotNameTable.Find(Encoding.UTF8.GetBytes(SnapshotParser.KnownNames[id])));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("i")]
    [InlineData("Id")]
    [InlineData("studentid")]
    [InlineData("student")]
    [InlineData("homeworkXnteredAfter")] // the first and last eight bytes of a known name, another middle
    [InlineData("homeworkEnteredAfterX")]
    [InlineData("topicEnteredAfterhomeworkEnteredAfter")]
    [InlineData("дата")]
    public void Another_name_is_not_found(string name)
    {
        Assert.Equal(-1, SnapshotNameTable.Find(Encoding.UTF8.GetBytes(name)));
    }
}
