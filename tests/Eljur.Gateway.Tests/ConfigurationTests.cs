using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Eljur.Gateway.Tests;

/// <summary>The whole configuration is validated at start; every error names the file, the line and the path, in Russian.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("eljur-gateway-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("\"schedule\": \"0 30 2 * * ?\"", "\"schedule\": \"every night\"", "$.schools[0].schedule", 10, "cron")]
    [InlineData("\"connector\": \"eljur\"", "\"connector\": \"dnevnik\"", "$.schools[0].connector", 8, "неизвестный коннектор \"dnevnik\"")]
    [InlineData("\"policy\": \"lyceum68-ufa-2023\"", "\"policy\": \"no-such-preset\"", "$.schools[0].policy", 10, "нет пресета \"no-such-preset\"")]
    [InlineData("\"timeZone\": \"Europe/Moscow\"", "\"timeZone\": \"Europe/Moscow\", \"colour\": \"red\"", "$.schools[0].colour", 7, "неизвестный ключ \"colour\"")]
    [InlineData("\"format\": \"eljur.gateway/1\"", "\"format\": \"eljur.gateway/2\"", "$.format", 2, "eljur.gateway/1")]
    [InlineData("\"syncsInFlight\": 4", "\"syncsInFlight\": 0", "$.limits.syncsInFlight", 4, "не меньше 1")]
    [InlineData("\"access\": [\"school46\"]", "\"access\": [\"school47\"]", "$.users[0].access", 5, "нет школы с id \"school47\"")]
    [InlineData("\"password\": \"${GW_SECRET}\"", "\"password\": \"${GW_MISSING}\"", "$.schools[0].options.password", 9, "GW_MISSING не задана")]
    public void A_bad_value_is_an_error_naming_the_file_line_and_path(string good, string bad, string path, int line, string problem)
    {
        var text = Valid().Replace(good, bad, StringComparison.Ordinal);
        Assert.NotEqual(Valid(), text);
        var ex = Assert.Throws<GatewayConfigurationException>(() => Add(text));
        Assert.Equal(path, ex.JsonPath);
        Assert.Equal(line, ex.LineNumber);
        Assert.EndsWith("gateway.json", ex.FileName, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(ex.FileName + ": строка " + line + ", " + path + ": ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_school_id_is_an_error()
    {
        var school = Valid().Split("\"schools\": [")[1].Split("]\n}")[0].Trim();
        var text = Valid().Replace(school, school + ",\n    " + school, StringComparison.Ordinal);
        var ex = Assert.Throws<GatewayConfigurationException>(() => Add(text));
        Assert.Equal("$.schools[1].id", ex.JsonPath);
        Assert.Contains("\"school46\" повторяется", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_file_is_accepted_and_the_same_configuration_binds_from_appsettings()
    {
        Add(Valid());
        var configuration = new ConfigurationBuilder().AddJsonFile(Write(Valid())).Build();
        new ServiceCollection().AddGradebookGateway(configuration, o => o.Environment = Env);
        var broken = new ConfigurationBuilder().AddJsonFile(Write(Valid().Replace("\"workWeek\": 5", "\"workWeek\": 7", StringComparison.Ordinal))).Build();
        var ex = Assert.Throws<GatewayConfigurationException>(() => new ServiceCollection().AddGradebookGateway(broken, o => o.Environment = Env));
        Assert.Equal("$.schools[0].workWeek", ex.JsonPath);
    }

    [Fact]
    public void Hash_password_makes_a_hash_the_configuration_accepts_and_a_plain_password_is_refused()
    {
        var hash = GatewayPasswords.Hash("секрет");
        Assert.DoesNotContain("секрет", hash, StringComparison.Ordinal);
        Add(Valid().Replace(Hash.Value, hash, StringComparison.Ordinal));
        var ex = Assert.Throws<GatewayConfigurationException>(() => Add(Valid().Replace(Hash.Value, "секрет", StringComparison.Ordinal)));
        Assert.Equal("$.users[0].passwordHash", ex.JsonPath);
        Assert.Contains("hash-password", ex.Message, StringComparison.Ordinal);
    }

    private static string? Env(string name) => name == "GW_SECRET" ? "s3cr3t-value" : null;

    private static string Valid() => """
        {
          "format": "eljur.gateway/1",
          "storage": { "provider": "sqlite", "path": "gateway.db" },
          "limits": { "syncsInFlight": 4, "perConnector": { "eljur": 2 } },
          "users": [ { "login": "zavuch46", "passwordHash": "HASH", "access": ["school46"] } ],
          "schools": [
            { "id": "school46", "name": "МБОУ СОШ № 46", "timeZone": "Europe/Moscow", "workWeek": 5,
              "connector": "eljur",
              "options": { "baseUrl": "http://127.0.0.1:9/apiv3", "vendor": "school46", "devKey": "a1b2c3d4e5f60718293a4b5c6d7e8f90", "login": "zavuch", "password": "${GW_SECRET}" },
              "policy": "lyceum68-ufa-2023", "schedule": "0 30 2 * * ?" }
          ]
        }
        """.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("HASH", Hash.Value, StringComparison.Ordinal);

    private static readonly Lazy<string> Hash = new(() => GatewayPasswords.Hash("pw"));

    [Fact]
    public void A_missing_file_or_a_folder_is_named_in_russian_without_the_library_text()
    {
        var missing = Path.Combine(_folder, "нет-такого.json");
        var ex = Assert.Throws<GatewayConfigurationException>(() => new ServiceCollection().AddGradebookGateway(missing, o => o.Environment = Env));
        Assert.Contains("файла нет", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not", ex.Message, StringComparison.Ordinal);

        var folder = Assert.Throws<GatewayConfigurationException>(() => new ServiceCollection().AddGradebookGateway(_folder, o => o.Environment = Env));
        Assert.Contains("это папка", folder.Message, StringComparison.Ordinal);

        // The whole file is at fault: its name, then the problem, without the document root's "$".
        Assert.StartsWith(missing + ": не удаётся прочитать файл конфигурации", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("$", folder.Message, StringComparison.Ordinal);
    }

    private void Add(string text) => new ServiceCollection().AddGradebookGateway(Write(text), o => o.Environment = Env);

    private string Write(string text)
    {
        var file = Path.Combine(_folder, "gateway.json");
        File.WriteAllText(file, text);
        return file;
    }
}
