using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Connectors;
using Eljur.Gateway.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace Eljur.Gateway.Runs;

/// <summary>
/// Every school's connector, built from its <c>connector</c> and <c>options</c> in a private
/// container (one named instance per school), so the options are validated at start.
/// </summary>
internal sealed class ConnectorDirectory : IDisposable
{
    public static readonly string[] BuiltIn = { "eljur", "mosreg", "asiou" };

    private readonly ServiceProvider _provider;
    private readonly IGradebookConnectorFactory _factory;
    private readonly IReadOnlyDictionary<string, SchoolSettings> _schools;
    private readonly GatewayOptions _options;

    public ConnectorDirectory(GatewaySettings settings, GatewayOptions options, ILoggerFactory? loggers)
    {
        _options = options;
        _schools = settings.Schools.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var services = new ServiceCollection();
        if (loggers is not null)
        {
            services.AddSingleton(loggers);
        }

        services.AddSingleton(options.Time);
        var builder = services.AddGradebook();
        foreach (var school in settings.Schools.Where(s => BuiltIn.Contains(s.Connector, StringComparer.Ordinal) && !options.Connectors.ContainsKey(s.Connector)))
        {
            var section = Section(school);
            _ = school.Connector switch
            {
                "eljur" => builder.AddEljur(school.Id, section),
                "mosreg" => builder.AddMosregPortal(school.Id, section),
                _ => builder.AddAsiou(school.Id, section),
            };
        }

        _provider = services.BuildServiceProvider();
        _factory = _provider.GetService<IGradebookConnectorFactory>() ?? new EmptyFactory();
    }

    /// <summary>Creates every school's connector once, so bad options fail the start (exit 2) and name the school.</summary>
    public void ValidateAll(GatewaySettings settings)
    {
        for (var i = 0; i < settings.Schools.Count; i++)
        {
            var school = settings.Schools[i];
            try
            {
                (Create(school.Id) as IDisposable)?.Dispose();
            }
            catch (OptionsValidationException ex)
            {
                throw new GatewayConfigurationException(
                    "настройки коннектора неверны: " + string.Join("; ", ex.Failures), $"$.schools[{i}].options", null, settings.FileName);
            }
        }
    }

    public IGradebookConnector Create(string schoolId)
    {
        var school = _schools[schoolId];
        var inner = _options.Connectors.TryGetValue(school.Connector, out var custom)
            ? custom(school.Id, Section(school))
            : _factory.Create(school.Id);
        return new SchoolConnector(inner, school);
    }

    public void Dispose() => _provider.Dispose();

    private static IConfiguration Section(SchoolSettings school)
    {
        var options = (JObject)school.Options.DeepClone();
        Default(options, "timeZone", school.TimeZone);
        Default(options, "workWeek", school.WorkWeek);
        Default(options, "schoolName", school.Name);
        Default(options, "schoolId", school.Id);
        return ConfigurationJson.ToConfiguration(options);
    }

    private static void Default(JObject options, string key, JToken value)
    {
        if (!options.Properties().Any(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)))
        {
            options[key] = value;
        }
    }

    private sealed class EmptyFactory : IGradebookConnectorFactory
    {
        public IReadOnlyList<string> Names => Array.Empty<string>();

        public IGradebookConnector Create(string name) => throw new KeyNotFoundException(name);
    }
}
