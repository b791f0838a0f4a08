using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Threading;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Eljur.Cli.Infrastructure;
using Eljur.Abstractions.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Eljur.Cli.Connectors;

/// <summary>
/// The connector options of one command (<c>--connector</c>, <c>--config</c>, <c>--class</c> and the
/// options of every known connector), and fetching a snapshot with them.
/// </summary>
internal sealed class ConnectorSource
{
    private static readonly Lazy<IReadOnlyList<ICliConnector>> Known = new(() => typeof(ICliConnector).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(ICliConnector).IsAssignableFrom(t))
        .Select(t => (ICliConnector)Activator.CreateInstance(t)!)
        .OrderBy(c => c.Id, StringComparer.Ordinal)
        .ToList());

    private readonly Dictionary<string, Option<string?>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConnectorOption> _specs = new(StringComparer.Ordinal);

    private ConnectorSource()
    {
        Connector = new Option<string?>("--connector")
        {
            Description = "Источник данных: " + string.Join(", ", Known.Value.Select(c => $"{c.Id} ({c.Description})")),
        };
        Choices.Restrict(Connector, Known.Value.Select(c => c.Id).ToArray());
        Config = new Option<string?>("--config") { Description = "JSON-файл с параметрами коннектора (ключи — имена параметров: baseUrl, vendor, devkey, …)" };
        Classes = new Option<string[]>("--class") { Description = "Только этот класс (можно повторять); по умолчанию — все доступные" };
        Verbose = new Option<bool>("--verbose") { Description = "Подробный журнал работы коннектора в stderr (каждый запрос к источнику); без него — только предупреждения" };
        foreach (var spec in Known.Value.SelectMany(c => c.Options))
        {
            if (_specs.ContainsKey(spec.Name))
            {
                continue; // shared by several connectors (e.g. --token)
            }

            _specs.Add(spec.Name, spec);
            _byName.Add(spec.Name, new Option<string?>(spec.Name) { Description = $"{spec.Description} (или {spec.EnvironmentVariable})" });
        }
    }

    public Option<string?> Connector { get; }

    public Option<string?> Config { get; }

    public Option<string[]> Classes { get; }

    public Option<bool> Verbose { get; }

    /// <summary>Creates the options for one command (options are not shared between commands).</summary>
    public static ConnectorSource Create() => new();

    public void AddTo(Command command)
    {
        command.Options.Add(Connector);
        command.Options.Add(Config);
        command.Options.Add(Classes);
        command.Options.Add(Verbose);
        foreach (var option in _byName.Values)
        {
            command.Options.Add(option);
        }
    }

    public bool IsGiven(ParseResult parse) => parse.GetValue(Connector) is not null;

    /// <summary>Whether any connector-only option was given (an error with <c>--snapshot</c>).</summary>
    public IEnumerable<string> GivenOptionNames(CommandResult result) =>
        _byName.Values.Cast<Option>().Append(Config).Append(Classes).Append(Verbose).Where(o => result.GetResult(o) is { Implicit: false }).Select(o => o.Name);

    /// <summary>
    /// Fetches a snapshot over the range with the connector the command line names. The connector's
    /// warnings (and with <c>--verbose</c> its debug log) go to stderr; records it could not map are
    /// summed up there in Russian unless <paramref name="announceUnmapped"/> is false (<c>check</c>
    /// says it among its report's warnings instead).
    /// </summary>
    public GradebookSnapshot Fetch(ParseResult parse, DateTime from, DateTime to, Console2 console, TimeProvider time, CancellationToken cancellationToken, bool announceUnmapped = true)
    {
        var id = parse.GetValue(Connector)!;
        var connector = Known.Value.Single(c => c.Id == id);
        var own = new HashSet<string>(connector.Options.Select(o => o.Name), StringComparer.Ordinal);
        foreach (var given in _byName.Where(o => parse.GetResult(o.Value) is { Implicit: false }).Select(o => o.Key))
        {
            if (!own.Contains(given))
            {
                throw new CliException(ExitCodes.BadInput, $"параметр {given} не относится к коннектору {id}.");
            }
        }

        var config = ReadConfig(parse.GetValue(Config));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in connector.Options)
        {
            var value = parse.GetValue(_byName[spec.Name])
                ?? console.Environment(spec.EnvironmentVariable)
                ?? (config.TryGetValue(ConnectorOption.Normalize(spec.ConfigKey), out var fromFile) ? fromFile : null);
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[spec.Name] = value!.Trim();
            }
        }

        var services = new ServiceCollection();
        services.AddSingleton(time);
        var verbose = parse.GetValue(Verbose);
        services.AddLogging(b => b.ClearProviders().AddProvider(new StderrLoggerProvider(console, verbose)).SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning));
        connector.Register(services.AddGradebook(), new ConnectorValues(values, _specs));
        using var provider = services.BuildServiceProvider();
        IGradebookConnector source;
        try
        {
            source = provider.GetRequiredService<IGradebookConnectorFactory>().Create(connector.Id);
        }
        catch (OptionsValidationException ex)
        {
            throw new CliException(ExitCodes.BadInput, $"параметры коннектора {id}: " + string.Join("; ", ex.Failures.Select(connector.Explain)));
        }

        var request = new FetchRequest { From = from, To = to, Classes = parse.GetValue(Classes) is { Length: > 0 } classes ? classes : null };
        using var progress = console.ErrorIsTerminal ? new TerminalProgress(console.Error) : null;
        var snapshot = source.FetchAsync(request, progress, cancellationToken).GetAwaiter().GetResult();
        (source as IDisposable)?.Dispose();
        if (announceUnmapped && UnmappedSummary.Describe(snapshot.Source.Unmapped) is { } unmapped)
        {
            console.Error.WriteLine(unmapped);
        }

        return snapshot;
    }

    /// <summary>
    /// Reads <c>--config</c>: one JSON object of option values (keys like <c>baseUrl</c> or <c>base-url</c>).
    /// A key that is no connector's option is an error, so a typo does not silently drop a setting.
    /// </summary>
    private Dictionary<string, string> ReadConfig(string? path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (path is null)
        {
            return result;
        }

        InputFiles.Existing(path, "--config", "JSON-файл параметров коннектора");
        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(path)) { DateParseHandling = DateParseHandling.None };
            root = JObject.Load(reader);
        }
        catch (JsonReaderException ex)
        {
            var line = ex.LineNumber > 0 ? $", строка {ex.LineNumber}" : "";
            throw new CliException(ExitCodes.BadInput, $"--config {path}{line}: нужен JSON-объект вида {{ \"baseUrl\": \"…\" }}, а текст не является правильным JSON: проверьте скобки, кавычки и запятые.");
        }

        var known = _specs.Values.ToDictionary(s => ConnectorOption.Normalize(s.ConfigKey), s => s, StringComparer.Ordinal);
        foreach (var property in root.Properties())
        {
            var key = ConnectorOption.Normalize(property.Name);
            if (!known.ContainsKey(key))
            {
                throw new CliException(ExitCodes.BadInput, $"--config {path}: неизвестный параметр «{property.Name}»{Suggestions.Hint(property.Name, known.Values.Select(s => s.ConfigKey))}; известны: {string.Join(", ", known.Values.Select(s => s.ConfigKey))}.");
            }

            if (property.Value.Type is not (JTokenType.String or JTokenType.Integer or JTokenType.Float or JTokenType.Boolean or JTokenType.Null))
            {
                throw new CliException(ExitCodes.BadInput, $"--config {path}: «{property.Name}» должен быть строкой.");
            }

            if (property.Value.Type != JTokenType.Null)
            {
                result[key] = Convert.ToString(((JValue)property.Value).Value, System.Globalization.CultureInfo.InvariantCulture)!;
            }
        }

        return result;
    }
}
