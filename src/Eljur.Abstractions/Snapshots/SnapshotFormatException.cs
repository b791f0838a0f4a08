using System;
using System.Globalization;
using System.Text;

namespace Eljur.Abstractions.Snapshots;

/// <summary>
/// The one exception the snapshot reader throws for bad input: not JSON, a wrong type, a missing
/// required field, an unknown enumeration value, or a reference to an id that does not exist.
/// Its message names the file (when known), the line and position, and the JSON path.
/// </summary>
public sealed class SnapshotFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong, in plain words.</param>
    /// <param name="jsonPath">JSON path of the offending value, e.g. <c>$.marks[3].studentId</c>.</param>
    /// <param name="lineNumber">1-based line, when known.</param>
    /// <param name="linePosition">1-based position in the line, when known.</param>
    /// <param name="fileName">File name, when known.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public SnapshotFormatException(
        string problem,
        string jsonPath,
        int? lineNumber,
        int? linePosition,
        string? fileName = null,
        Exception? inner = null)
        : base(Compose(problem, jsonPath, lineNumber, linePosition, fileName), inner)
    {
        Problem = problem;
        JsonPath = jsonPath;
        LineNumber = lineNumber;
        LinePosition = linePosition;
        FileName = fileName;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>JSON path of the offending value.</summary>
    public string JsonPath { get; }

    /// <summary>1-based line, when known.</summary>
    public int? LineNumber { get; }

    /// <summary>1-based position in the line, when known.</summary>
    public int? LinePosition { get; }

    /// <summary>File name, when known.</summary>
    public string? FileName { get; }

    /// <summary>Returns a copy that names <paramref name="fileName"/>.</summary>
    /// <param name="fileName">The file the snapshot was read from.</param>
    /// <returns>The new exception.</returns>
    public SnapshotFormatException WithFile(string fileName) =>
        new(Problem, JsonPath, LineNumber, LinePosition, fileName, InnerException);

    private static string Compose(string problem, string path, int? line, int? position, string? file)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(file))
        {
            sb.Append(file).Append(": ");
        }

        if (line is not null)
        {
            sb.Append("line ").Append(line.Value.ToString(CultureInfo.InvariantCulture));
            if (position is not null)
            {
                sb.Append(", position ").Append(position.Value.ToString(CultureInfo.InvariantCulture));
            }

            sb.Append(", ");
        }

        sb.Append(path).Append(": ").Append(problem);
        return sb.ToString();
    }
}
