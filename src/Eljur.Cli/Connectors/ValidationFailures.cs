using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Eljur.Cli.Connectors;

/// <summary>Rewrites an options-validation failure so it names the command-line option (and its variable).</summary>
internal static class ValidationFailures
{
    /// <param name="failure">The validator's message, e.g. <c>AsiouOptions[asiou].ExportDirectory: …</c>.</param>
    /// <param name="property">Matches the options-property prefix; group 1 is the property name.</param>
    /// <param name="optionByProperty">Command-line option for each options property.</param>
    /// <param name="options">The connector's options, for their display text.</param>
    public static string Explain(string failure, Regex property, IReadOnlyDictionary<string, string> optionByProperty, IReadOnlyList<ConnectorOption> options)
    {
        var match = property.Match(failure);
        if (match.Success && optionByProperty.TryGetValue(match.Groups[1].Value, out var option))
        {
            return options.Single(o => o.Name == option).Display + ": " + OptionFailureText.Russian(failure.Substring(match.Length));
        }

        return failure;
    }
}
