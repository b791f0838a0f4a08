using System;
using System.IO;
using System.Threading;
using Eljur.Abstractions.Model;

namespace Eljur.Abstractions.Snapshots;

/// <summary>
/// Reads an <c>eljur.snapshot/1</c> document into a <see cref="GradebookSnapshot"/>, streaming:
/// System.Text.Json's <c>Utf8JsonReader</c> tokenises the UTF-8 bytes in a pooled 64 KB buffer refilled
/// from the stream, and the model is built record by record, so memory grows with the model, never
/// with a copy of the text or a JSON tree.
/// </summary>
/// <remarks>
/// Every problem with the input (not JSON, truncated, a wrong type, a missing required field, an
/// unknown enumeration value, a duplicate id, a reference to an id that is not in the document) is
/// reported as a <see cref="SnapshotFormatException"/> naming the JSON path and the line. Unknown
/// properties are never an error: they are kept, as raw JSON text, in
/// <see cref="SnapshotRecord.ExtensionData"/>.
/// </remarks>
public static class SnapshotReader
{
    private const int BufferSize = 1 << 16;

    /// <summary>Reads a snapshot from a stream. The stream is read forward only and left open.</summary>
    /// <param name="stream">UTF-8 JSON text (a byte order mark is allowed).</param>
    /// <param name="fileName">File name to put into error messages, when known.</param>
    /// <param name="cancellationToken">Checked every thousand records.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="SnapshotFormatException">The input is not a valid <c>eljur.snapshot/1</c> document.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    public static GradebookSnapshot Read(Stream stream, string? fileName = null, CancellationToken cancellationToken = default)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var input = new JsonInput(stream, BufferSize);
        return new SnapshotParser(input, fileName, cancellationToken).Parse();
    }

    /// <summary>Reads a snapshot from a file. Errors name the file.</summary>
    /// <param name="path">Path of the file.</param>
    /// <param name="cancellationToken">Checked every thousand records.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="SnapshotFormatException">The file is not a valid <c>eljur.snapshot/1</c> document.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    public static GradebookSnapshot ReadFile(string path, CancellationToken cancellationToken = default)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        return Read(file, path, cancellationToken);
    }
}
