using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Eljur.Abstractions.Synthetic;

namespace Eljur.Abstractions.Tests.Snapshots;

/// <summary>
/// The reader's id tables come from the shared array pool and go back to it: reads on many threads at
/// once must still each see only their own ids. And the marks' entry table is the snapshot's, built on
/// the first request only.
/// </summary>
public class SnapshotReadConcurrencyTests
{
    private static readonly byte[] Text = Build();

    [Fact]
    public void Reads_on_many_threads_at_once_each_give_the_whole_snapshot()
    {
        var expected = SnapshotTestSupport.Write(Read(), indented: false);

        var texts = Enumerable.Range(0, 8)
            .AsParallel()
            .WithDegreeOfParallelism(8)
            .Select(_ => Enumerable.Range(0, 3).Select(_ => SnapshotTestSupport.Write(Read(), indented: false)).ToList())
            .SelectMany(t => t)
            .ToList();

        Assert.Equal(24, texts.Count);
        Assert.All(texts, t => Assert.Equal(expected, t));
    }

    [Fact]
    public void A_duplicate_is_found_after_other_reads_gave_their_tables_back()
    {
        // A table handed back dirty would make a new read see ids of an earlier one (or miss its own).
        for (var i = 0; i < 3; i++)
        {
            Read();
        }

        var text = System.Text.Encoding.UTF8.GetString(Text);
        var firstId = Read().Marks![0].Id;
        var secondId = Read().Marks![1].Id;
        var duplicated = text.Replace("\"id\":\"" + secondId + "\"", "\"id\":\"" + firstId + "\"");
        Assert.NotEqual(text, duplicated);

        var e = Assert.Throws<SnapshotFormatException>(() => SnapshotTestSupport.Read(duplicated));
        Assert.Contains("duplicate id \"" + firstId + "\"", e.Message);
        Assert.Equal("$.marks[1].id", e.JsonPath);
    }

    [Fact]
    public void The_marks_entry_table_is_built_once_when_first_asked_for()
    {
        var marks = Assert.IsType<SnapshotMarkList>(Read().Marks);

        var tables = Enumerable.Range(0, 4).AsParallel().Select(_ => marks.Table).ToList();
        var again = marks.Table;

        Assert.Same(again, marks.Table);
        Assert.Equal(marks.Count, again.Entries.Length);
        Assert.All(tables, t => Assert.Equal(marks.Count, t.Entries.Length));
    }

    private static GradebookSnapshot Read() => SnapshotReader.Read(new MemoryStream(Text, writable: false));

    private static byte[] Build()
    {
        var snapshot = SyntheticSnapshotGenerator.Generate(new SyntheticSnapshotOptions
        {
            StudentsPerSchool = 40,
            From = new DateTime(2024, 9, 1),
            To = new DateTime(2024, 10, 31),
            Seed = 7,
        });
        var stream = new MemoryStream();
        SnapshotWriter.Write(snapshot, stream, indented: false);
        return stream.ToArray();
    }
}
