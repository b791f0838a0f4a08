using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Eljur.Abstractions.IO;

/// <summary>
/// Writes a file so that a reader (or the next run after a crash) sees either the previous file or
/// the whole new one, never a part: the content goes to a temporary file in the same folder, is
/// flushed to the disk, and only then renamed over the target (one rename on the same file system).
/// If writing fails, the temporary file is removed and the target is left as it was. A process
/// killed while writing leaves the target intact and at most a hidden
/// <c>.NAME.RANDOM.tmp</c> file beside it.
/// </summary>
/// <remarks>
/// Every file the SDK and the <c>eljur</c> command write (snapshots, reports of every format,
/// exports) goes through this class. The rename is atomic on the local file systems of Linux, macOS
/// and Windows (NTFS); on a network share it is as atomic as the share makes it.
/// </remarks>
public static class AtomicFile
{
    private const int BufferSize = 1 << 16;

    /// <summary>Writes a file atomically by handing <paramref name="write"/> a stream to fill.</summary>
    /// <param name="path">The target file (created or replaced).</param>
    /// <param name="write">Writes the whole content; the stream is flushed and closed afterwards.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file could not be written or renamed; the target is unchanged.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        var (target, temp) = Prepare(path);
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize))
            {
                write(file);
                file.Flush(flushToDisk: true);
            }

            Commit(temp, target);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes a file atomically by handing <paramref name="write"/> a stream to fill asynchronously.</summary>
    /// <param name="path">The target file (created or replaced).</param>
    /// <param name="write">Writes the whole content; the stream is flushed and closed afterwards.</param>
    /// <param name="cancellationToken">Cancels the write; the target is then unchanged.</param>
    /// <returns>A task that completes when the target holds the new content.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file could not be written or renamed; the target is unchanged.</exception>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        var (target, temp) = Prepare(path);
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                await write(file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
            Commit(temp, target);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes a text file atomically.</summary>
    /// <param name="path">The target file (created or replaced).</param>
    /// <param name="text">The whole content.</param>
    /// <param name="encoding">The encoding; default UTF-8 without a byte order mark.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file could not be written or renamed; the target is unchanged.</exception>
    public static void WriteAllText(string path, string text, Encoding? encoding = null)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, encoding ?? new UTF8Encoding(false), BufferSize, leaveOpen: true);
            writer.Write(text);
        });
    }

    /// <summary>Writes a text file atomically through a <see cref="TextWriter"/>.</summary>
    /// <param name="path">The target file (created or replaced).</param>
    /// <param name="write">Writes the whole content.</param>
    /// <param name="encoding">The encoding; default UTF-8 without a byte order mark.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="write"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file could not be written or renamed; the target is unchanged.</exception>
    public static void WriteText(string path, Action<TextWriter> write, Encoding? encoding = null)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, encoding ?? new UTF8Encoding(false), BufferSize, leaveOpen: true);
            write(writer);
        });
    }

    private static (string Target, string Temp) Prepare(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var target = Path.GetFullPath(path);
        var name = Path.GetFileName(target);
        if (name.Length == 0)
        {
            throw new ArgumentException($"«{path}» names a folder, not a file.", nameof(path));
        }

        var folder = Path.GetDirectoryName(target) ?? ".";

        // Hidden, in the same folder (so the rename stays on one file system), and unique per write.
        var temp = Path.Combine(folder, "." + name + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
        return (target, temp);
    }

    /// <summary>How old a left temporary file of the same target must be before a later write removes it.</summary>
    internal static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    private static void Commit(string temp, string target)
    {
#if NET
        File.Move(temp, target, overwrite: true);
#else
        if (File.Exists(target))
        {
            File.Replace(temp, target, destinationBackupFileName: null, ignoreMetadataErrors: true);
        }
        else
        {
            File.Move(temp, target);
        }
#endif
        RemoveStale(target);
    }

    /// <summary>
    /// Removes what writes of the same file that were killed before they could clean up left beside it
    /// (<c>.NAME.xxxxxxxxxxxx.tmp</c>), once they are over an hour old: a write still going on has a
    /// temporary file younger than that. Best effort.
    /// </summary>
    private static void RemoveStale(string target)
    {
        try
        {
            var folder = Path.GetDirectoryName(target) ?? ".";
            var prefix = "." + Path.GetFileName(target) + ".";
            foreach (var file in Directory.EnumerateFiles(folder, prefix + "*.tmp"))
            {
                var middle = Path.GetFileName(file).Substring(prefix.Length);
                if (middle.Length == 12 + ".tmp".Length && DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > StaleAfter)
                {
                    TryDelete(file);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // Best effort: the target is what matters, and it is unchanged.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
