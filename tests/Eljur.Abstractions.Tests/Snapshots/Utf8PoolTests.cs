using System.Linq;
using System.Text;
using Eljur.Abstractions.Snapshots;

namespace Eljur.Abstractions.Tests.Snapshots;

public class Utf8PoolTests
{
    [Fact]
    public void Each_text_of_every_length_has_one_shared_instance()
    {
        var pool = new Utf8Pool(1 << 20, 64);
        // Lengths 0 to 40 bytes, neighbours differing in one byte at either end, and Cyrillic text.
        var texts = Enumerable.Range(0, 41)
            .SelectMany(n => new[] { new string('a', n), "b" + new string('a', n), new string('a', n) + "b", "ж" + n })
            .Distinct()
            .ToList();

        var first = texts.Select(t => Get(pool, t)).ToList();
        var second = texts.Select(t => Get(pool, t)).ToList();

        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(texts[i], first[i]);
            Assert.Same(first[i], second[i]);
        }

        Assert.Equal(texts.Count, pool.Count);
    }

    [Fact]
    public void Past_its_limits_a_text_is_decoded_but_not_kept()
    {
        var pool = new Utf8Pool(2, 8);

        var longText = Get(pool, "123456789");
        Assert.NotSame(longText, Get(pool, "123456789"));
        Get(pool, "a");
        Get(pool, "b");
        var third = Get(pool, "c");

        Assert.Equal("c", third);
        Assert.NotSame(third, Get(pool, "c"));
        Assert.Equal(2, pool.Count);
    }

    private static string Get(Utf8Pool pool, string text)
    {
        var bytes = Encoding.UTF8.GetBytes("  " + text);
        return pool.Get(bytes, 2, bytes.Length - 2, Encoding.UTF8);
    }
}
