using System.Collections.Generic;
using Eljur.Cli.Infrastructure;

namespace Eljur.Cli.Connectors;

/// <summary>The resolved values of a connector's options.</summary>
internal sealed class ConnectorValues
{
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly IReadOnlyDictionary<string, ConnectorOption> _options;

    public ConnectorValues(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, ConnectorOption> options)
    {
        _values = values;
        _options = options;
    }

    /// <summary>The value of an option (e.g. <c>--vendor</c>), or null when given nowhere.</summary>
    public string? Get(string option) => _values.TryGetValue(option, out var v) ? v : null;

    /// <summary>
    /// A size in megabytes (2^20 bytes) given as a whole number within <paramref name="min"/>–<paramref name="max"/>,
    /// in bytes; null when given nowhere; a usage error naming the option otherwise.
    /// </summary>
    public long? Megabytes(string option, int min, int max)
    {
        if (Get(option) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var megabytes) || megabytes < min || megabytes > max)
        {
            throw new CliException(
                ExitCodes.BadInput,
                $"{_options[option].Display}: «{Eljur.Abstractions.Text.DisplayText.Value(text, 40)}» — укажите целое число мегабайт от {min} до {max}.");
        }

        return megabytes * 1024L * 1024L;
    }

    /// <summary>The value of an option, or a usage error naming it and its environment variable.</summary>
    public string Require(string option) =>
        Get(option) ?? throw new CliException(ExitCodes.BadInput, $"не задан {_options[option].Display}: укажите его в командной строке, в переменной окружения или в файле --config.");
}
