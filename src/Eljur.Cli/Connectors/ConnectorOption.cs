using System.Globalization;
using System.Linq;

namespace Eljur.Cli.Connectors;

/// <summary>
/// One connector option: <c>--base-url</c> on the command line, <c>ELJUR_BASE_URL</c> in the
/// environment, <c>baseUrl</c> in the <c>--config</c> file (in that order of precedence).
/// </summary>
/// <param name="Name">The option, with its dashes, e.g. <c>--base-url</c>.</param>
/// <param name="Description">Help text (Russian).</param>
/// <param name="Secret">A secret: never echoed in a message.</param>
internal sealed record ConnectorOption(string Name, string Description, bool Secret = false)
{
    /// <summary>The environment variable, e.g. <c>ELJUR_BASE_URL</c>.</summary>
    public string EnvironmentVariable => "ELJUR_" + Name.TrimStart('-').Replace('-', '_').ToUpperInvariant();

    /// <summary>The key in the config file, e.g. <c>baseUrl</c> (also accepted: <c>base-url</c>, any case).</summary>
    public string ConfigKey
    {
        get
        {
            var parts = Name.TrimStart('-').Split('-');
            return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpper(p[0], CultureInfo.InvariantCulture) + p.Substring(1)));
        }
    }

    /// <summary>How to name the option in a message: <c>--devkey (ELJUR_DEVKEY)</c>.</summary>
    public string Display => $"{Name} ({EnvironmentVariable})";

    /// <summary>Key normalisation for the config file: letters and digits, lower case.</summary>
    internal static string Normalize(string key) => new string(key.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
