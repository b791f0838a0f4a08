using System;
using System.Globalization;
using System.Text;

namespace Eljur.Abstractions.Policies;

/// <summary>
/// A policy file is invalid: not JSON, an unknown rule id, a missing or bad parameter. The message
/// names the file (when known), the line and the JSON path.
/// </summary>
public sealed class PolicyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong.</param>
    /// <param name="jsonPath">JSON path, e.g. <c>$.rules[2].params.deadline</c>.</param>
    /// <param name="lineNumber">1-based line, when known.</param>
    /// <param name="fileName">Policy file or preset id, when known.</param>
    /// <param name="inner">Underlying exception.</param>
    public PolicyException(string problem, string jsonPath, int? lineNumber = null, string? fileName = null, Exception? inner = null)
        : base(Compose(problem, jsonPath, lineNumber, fileName), inner)
    {
        Problem = problem;
        JsonPath = jsonPath;
        LineNumber = lineNumber;
        FileName = fileName;
    }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    /// <summary>JSON path of the offending value.</summary>
    public string JsonPath { get; }

    /// <summary>1-based line, when known.</summary>
    public int? LineNumber { get; }

    /// <summary>Policy file or preset id, when known.</summary>
    public string? FileName { get; }

    /// <summary>Returns a copy naming <paramref name="fileName"/> (unless one is already named).</summary>
    /// <param name="fileName">The file.</param>
    /// <returns>The new exception.</returns>
    public PolicyException WithFile(string fileName) =>
        FileName is null ? new PolicyException(Problem, JsonPath, LineNumber, fileName, InnerException) : this;

    private static string Compose(string problem, string path, int? line, string? file)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(file))
        {
            sb.Append(file).Append(": ");
        }

        if (line is not null)
        {
            sb.Append("line ").Append(line.Value.ToString(CultureInfo.InvariantCulture)).Append(", ");
        }

        return sb.Append(path).Append(": ").Append(problem).ToString();
    }
}
