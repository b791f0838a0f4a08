using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Snapshots;

namespace Eljur.Abstractions.Tests.Snapshots;

public class IdIndexTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Finds_every_id_at_its_position_and_refuses_a_second_one(bool pooled)
    {
        // Ids that differ only in their last characters, as generated ids do, across many growths.
        var ids = Enumerable.Range(0, 50_000).Select(i => "m-2024-" + i.ToString("D7")).ToList();
        using var index = new IdIndex(i => ids[i], pooled);

        for (var i = 0; i < ids.Count; i++)
        {
            Assert.True(index.TryAdd(ids[i], i));
        }

        for (var i = 0; i < ids.Count; i += 7)
        {
            Assert.False(index.TryAdd(new string(ids[i].ToCharArray()), ids.Count));
            Assert.True(index.TryGetPosition(new string(ids[i].ToCharArray()), out var position));
            Assert.Equal(i, position);
            Assert.True(index.Contains(ids[i]));
        }

        Assert.False(index.Contains("m-2024-9999999"));
        Assert.False(index.TryGetPosition("", out _));
    }

    [Fact]
    public void A_refused_id_leaves_the_index_as_it_was()
    {
        var ids = new List<string> { "a", "b" };
        using var index = new IdIndex(i => ids[i], pooled: true);
        Assert.True(index.TryAdd("a", 0));
        Assert.True(index.TryAdd("b", 1));

        Assert.False(index.TryAdd("a", 2));

        Assert.True(index.TryGetPosition("a", out var a));
        Assert.Equal(0, a);
        Assert.True(index.TryGetPosition("b", out var b));
        Assert.Equal(1, b);
    }
}
