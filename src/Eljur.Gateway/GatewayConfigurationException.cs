using System;
using System.Globalization;
using System.Text;

namespace Eljur.Gateway;

/// <summary>
/// The gateway's configuration (<c>eljur.gateway/1</c>) is invalid. The message is Russian and names
/// the file (when known), the line (when known) and the JSON path, as for policy files.
/// </summary>
public sealed class GatewayConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong and what to do (Russian).</param>
    /// <param name="jsonPath">JSON path of the offending value, e.g. <c>$.schools[1].schedule</c>.</param>
    /// <param name="lineNumber">1-based line, when known.</param>
    /// <param name="fileName">The configuration file, when known.</param>
    /// <param name="inner">Underlying exception.</param>
    public GatewayConfigurationException(string problem, string jsonPath, int? lineNumber = null, string? fileName = null, Exception? inner = null)
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

    /// <summary>The configuration file, when known.</summary>
    public string? FileName { get; }

    private static string Compose(string problem, string path, int? line, string? file)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(file))
        {
            sb.Append(file).Append(": ");
        }

        if (line is not null)
        {
            sb.Append("строка ").Append(line.Value.ToString(CultureInfo.InvariantCulture)).Append(path == "$" ? ": " : ", ");
        }

        // The document's root ("$") says nothing a file name does not: only a field's path is shown.
        if (path != "$")
        {
            sb.Append(path).Append(": ");
        }

        return sb.Append(problem).ToString();
    }
}
