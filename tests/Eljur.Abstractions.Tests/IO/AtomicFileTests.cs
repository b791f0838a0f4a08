using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.IO;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;

namespace Eljur.Abstractions.Tests.IO;

public class AtomicFileTests
{
    private static string Folder() => Directory.CreateTempSubdirectory("eljur-atomic-").FullName;

    [Fact]
    public void Write_creates_the_file_and_leaves_no_temporary_file()
    {
        var folder = Folder();
        var path = Path.Combine(folder, "report.txt");

        AtomicFile.WriteAllText(path, "привет");

        Assert.Equal("привет", File.ReadAllText(path));
        Assert.Equal(new[] { "report.txt" }, Directory.GetFiles(folder).Select(Path.GetFileName).ToArray());
        Assert.Equal(Encoding.UTF8.GetBytes("привет"), File.ReadAllBytes(path)); // no byte order mark
    }

    [Fact]
    public void A_write_removes_what_killed_writes_of_the_same_file_left_over_an_hour_ago_and_nothing_else()
    {
        var folder = Folder();
        var path = Path.Combine(folder, "snapshot.json");
        var stale = Path.Combine(folder, ".snapshot.json.0123456789ab.tmp");
        var young = Path.Combine(folder, ".snapshot.json.ba9876543210.tmp");
        var otherFile = Path.Combine(folder, ".report.html.0123456789ab.tmp");
        var notOurs = Path.Combine(folder, ".snapshot.json.mine.tmp");
        foreach (var file in new[] { stale, young, otherFile, notOurs })
        {
            File.WriteAllText(file, "cut");
        }

        var longAgo = DateTime.UtcNow - AtomicFile.StaleAfter - TimeSpan.FromMinutes(5);
        File.SetLastWriteTimeUtc(stale, longAgo);
        File.SetLastWriteTimeUtc(otherFile, longAgo);
        File.SetLastWriteTimeUtc(notOurs, longAgo);

        AtomicFile.WriteAllText(path, "{}");

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(young)); // may be a write going on now
        Assert.True(File.Exists(otherFile)); // another file's
        Assert.True(File.Exists(notOurs)); // not a name this writer makes
        Assert.Equal("{}", File.ReadAllText(path));
    }

    [Fact]
    public void Write_replaces_an_existing_file_whole()
    {
        var folder = Folder();
        var path = Path.Combine(folder, "a.json");
        File.WriteAllText(path, new string('x', 10_000));

        AtomicFile.WriteText(path, w => w.Write("short"));

        Assert.Equal("short", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void A_failure_while_writing_keeps_the_old_file_and_removes_the_temporary_one()
    {
        var folder = Folder();
        var path = Path.Combine(folder, "snapshot.json");
        File.WriteAllText(path, "old");

        var error = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[100_000], 0, 100_000);
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal("boom", error.Message);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(new[] { "snapshot.json" }, Directory.GetFiles(folder).Select(Path.GetFileName).ToArray());
    }

    [Fact]
    public async Task A_cancelled_async_write_keeps_the_old_file()
    {
        var folder = Folder();
        var path = Path.Combine(folder, "report.html");
        File.WriteAllText(path, "old");
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(path, async (stream, token) =>
        {
            await stream.WriteAsync(new byte[1000], 0, 1000, token);
            cancel.Cancel();
            token.ThrowIfCancellationRequested();
        }, cancel.Token));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task WriteAsync_writes_the_content()
    {
        var folder = Folder();
        var path = Path.Combine(folder, "out.bin");

        await AtomicFile.WriteAsync(path, (stream, token) => stream.WriteAsync(new byte[] { 1, 2, 3 }, 0, 3, token));

        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
    }

    [Fact]
    public void SnapshotWriter_WriteFile_keeps_the_old_snapshot_when_the_snapshot_cannot_be_written()
    {
        var folder = Folder();
        var path = Path.Combine(folder, "school.json");
        var good = new GradebookSnapshot { School = new School { Id = "s", Name = "Школа", TimeZone = "Europe/Moscow" } };
        SnapshotWriter.WriteFile(good, path);
        var before = File.ReadAllBytes(path);

        // A lesson time with a fraction of a second cannot be written: the writer throws mid-document.
        var bad = good with
        {
            Lessons = new[]
            {
                new Lesson { Id = "l1", ClassId = "c", SubjectId = "s", TeacherId = "t", Date = new DateTime(2024, 9, 2), Start = new TimeSpan(0, 8, 0, 0, 5) },
            },
        };

        Assert.Throws<ArgumentException>(() => SnapshotWriter.WriteFile(bad, path));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal("Школа", SnapshotReader.ReadFile(path).School.Name);
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void A_path_naming_a_folder_is_refused()
    {
        Assert.Throws<ArgumentException>(() => AtomicFile.WriteAllText(Folder() + Path.DirectorySeparatorChar, "x"));
    }
}
