using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Eljur.Abstractions.Snapshots;

namespace Eljur.Cli.Tests;

/// <summary>
/// Kills the real <c>eljur</c> process (SIGKILL) while it writes a snapshot over a good one, at
/// different moments of the write, and finds the target either the old snapshot or the new one.
/// </summary>
public class AtomicOutputTests
{
    private static readonly string[] NewSnapshot =
    {
        "generate", "--schools", "1", "--students-per-school", "200", "--from", "2024-09-01", "--to", "2025-05-31", "--seed", "11",
    };

    [Fact]
    public void Killing_generate_while_it_writes_leaves_the_old_or_the_new_snapshot()
    {
        var dir = CliRunner.TempDir();
        var target = Path.Combine(dir, "school.json");

        // The new snapshot, written once in full by the child process: what a finished run leaves.
        var reference = Path.Combine(dir, "reference.json");
        RunToEnd(reference);
        var newBytes = File.ReadAllBytes(reference);
        Assert.True(newBytes.Length > 5_000_000, $"the new snapshot is only {newBytes.Length} bytes; the kills need a longer write");

        // The old snapshot: small and different.
        Assert.Equal(0, CliRunner.Run("generate", "--schools", "1", "--students-per-school", "5", "--from", "2024-09-02", "--to", "2024-09-13", "--out", target).Code);
        var oldBytes = File.ReadAllBytes(target);

        var work = Path.Combine(dir, "work");
        Directory.CreateDirectory(work);
        var outcomes = new List<string>();
        var midWrite = 0;
        for (var i = 0; i < 6; i++)
        {
            var path = Path.Combine(work, "school.json");
            File.WriteAllBytes(path, oldBytes);
            var stamp = File.GetLastWriteTimeUtc(path);

            // Kill once the write has produced this share of the new file: 0 (as soon as it starts) … 5/6.
            var threshold = (long)newBytes.Length * i / 6;
            var killedAt = RunAndKill(path, work, stamp, oldBytes.Length, threshold);

            var leftovers = Directory.GetFiles(work).Where(f => f != path).ToList();
            if (leftovers.Any(f => new FileInfo(f).Length < newBytes.Length))
            {
                midWrite++;
            }

            var now = File.ReadAllBytes(path);
            var which = now.AsSpan().SequenceEqual(oldBytes) ? "old" : now.AsSpan().SequenceEqual(newBytes) ? "new" : null;
            Assert.True(which is not null, $"try {i} (killed at {killedAt} bytes written): the target holds {now.Length} bytes, neither the old ({oldBytes.Length}) nor the new ({newBytes.Length}) snapshot");
            Assert.NotNull(SnapshotReader.ReadFile(path).School);
            outcomes.Add(which!);
            foreach (var leftover in leftovers)
            {
                File.Delete(leftover);
            }

            File.Delete(path);
        }

        // The kills must really have hit the write, or the test proves nothing.
        Assert.True(midWrite >= 3, $"only {midWrite} of 6 kills landed while the file was being written ({string.Join(", ", outcomes)})");
    }

    private static ProcessStartInfo Child(string output)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        var info = new ProcessStartInfo(string.IsNullOrEmpty(host) ? "dotnet" : host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "eljur.dll"));
        foreach (var arg in NewSnapshot)
        {
            info.ArgumentList.Add(arg);
        }

        info.ArgumentList.Add("--out");
        info.ArgumentList.Add(output);
        return info;
    }

    private static void RunToEnd(string output)
    {
        using var process = Process.Start(Child(output))!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "eljur generate did not finish within 3 minutes");
        Assert.True(process.ExitCode == 0, "eljur generate failed: " + error.Result);
    }

    /// <summary>Starts the child and kills it once the files it writes in <paramref name="work"/> hold <paramref name="threshold"/> bytes.</summary>
    private static long RunAndKill(string target, string work, DateTime oldStamp, long oldLength, long threshold)
    {
        using var process = Process.Start(Child(target))!;
        process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        long written = 0;
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            written = Written(work, target, oldStamp, oldLength);
            if (written > 0 && written >= threshold)
            {
                break;
            }

            Thread.SpinWait(2000);
        }

        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It had already finished: a valid moment too.
        }

        process.WaitForExit();
        return written;
    }

    /// <summary>Bytes the child has written so far: any new file in the folder, or the target once it changed.</summary>
    private static long Written(string work, string target, DateTime oldStamp, long oldLength)
    {
        long most = 0;
        foreach (var file in new DirectoryInfo(work).EnumerateFiles())
        {
            var changed = file.FullName != target || file.LastWriteTimeUtc != oldStamp || file.Length != oldLength;
            if (changed)
            {
                most = Math.Max(most, file.Length);
            }
        }

        return most;
    }
}
