using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Eljur.Abstractions.Snapshots;
using Eljur.Cli.Demo;
using Eljur.Cli.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Eljur.Cli.Tests;

/// <summary>
/// Each command's usual mistakes: the exit code of <c>cli.md</c>, one Russian message that names what is
/// wrong (the option, file, line or field) and, for a typo, the nearest right word.
/// </summary>
public sealed class BadInputTests : IClassFixture<BadInputTests.Files>
{
    private readonly Files _files;

    public BadInputTests(Files files) => _files = files;

    /// <summary>Files the cases point at, in one temporary folder ({D} in the cases).</summary>
    public sealed class Files
    {
        public Files()
        {
            Dir = CliRunner.TempDir();
            SnapshotWriter.WriteFile(DemoSchool.Build(), Path.Combine(Dir, "school.json"));
            File.WriteAllText(Path.Combine(Dir, "empty.json"), "");
            File.WriteAllText(Path.Combine(Dir, "broken.json"), "{ \"format\": \"eljur.snapshot/1\", \"source\": { ");
            File.WriteAllText(Path.Combine(Dir, "typo-policy.json"), """
                {
                  "format": "eljur.policy/1",
                  "id": "my-school",
                  "title": "Положение школы",
                  "rules": [
                    { "rule": "lesson-topik", "clause": "5.1", "params": { "deadline": "sameDay" } }
                  ]
                }
                """);
            File.WriteAllText(Path.Combine(Dir, "bad-date.json"), File.ReadAllText(Path.Combine(Dir, "school.json")).Replace("\"date\": \"2024-10-14\"", "\"date\": \"14.10.2024\""));
            File.WriteAllText(Path.Combine(Dir, "not-a-config.json"), "baseUrl = https://x");
            File.WriteAllText(Path.Combine(Dir, "string-days.json"), """
                {
                  "format": "eljur.policy/1", "id": "my-school", "title": "Положение школы",
                  "rules": [
                    { "rule": "written-mark-entry", "clause": "5.4",
                      "params": { "defaultWorkingDays": "5" } }
                  ]
                }
                """);
            using var connection = new SqliteConnection($"Data Source={Path.Combine(Dir, "other.db")};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('чужая база');";
            command.ExecuteNonQuery();
        }

        public string Dir { get; }
    }

    private const string P = CliRunner.DemoPreset;

    public static IEnumerable<object[]> Cases() => new (string Name, int Code, string[] Args, string[] Names)[]
    {
        ("check без источника", 2, new[] { "check", "--policy", P }, new[] { "--snapshot", "--connector" }),
        ("check: файла снимка нет", 2, new[] { "check", "--snapshot", "{D}/none.json", "--policy", P }, new[] { "--snapshot", "none.json", "не найден" }),
        ("check: папка вместо снимка", 2, new[] { "check", "--snapshot", "{D}", "--policy", P }, new[] { "--snapshot", "это папка" }),
        ("check: пустой снимок", 2, new[] { "check", "--snapshot", "{D}/empty.json", "--policy", P }, new[] { "empty.json", "пуст" }),
        ("check: снимок не JSON", 2, new[] { "check", "--snapshot", "{D}/broken.json", "--policy", P }, new[] { "broken.json", "строка 1", "JSON" }),
        ("check: дата в снимке не по формату", 2, new[] { "check", "--snapshot", "{D}/bad-date.json", "--policy", P }, new[] { "bad-date.json", "строка", "«14.10.2024» — не дата" }),
        ("check: опечатка в пресете", 2, new[] { "check", "--snapshot", "{D}/school.json", "--policy", "lyceum68-ufa-2032" }, new[] { "--policy", "возможно, имелось в виду lyceum68-ufa-2023" }),
        ("check: пустой файл регламента", 2, new[] { "check", "--snapshot", "{D}/school.json", "--policy", "{D}/empty.json" }, new[] { "--policy", "пуст" }),
        ("check: опечатка в id правила", 2, new[] { "check", "--snapshot", "{D}/school.json", "--policy", "{D}/typo-policy.json" }, new[] { "typo-policy.json", "строка 6", "«lesson-topik»", "возможно, имелось в виду lesson-topic" }),
        ("check: дата --from", 2, new[] { "check", "--snapshot", "{D}/school.json", "--policy", P, "--from", "2024-13-01" }, new[] { "--from", "не дата" }),
        ("check: конец раньше начала", 2, new[] { "check", "--snapshot", "{D}/school.json", "--policy", P, "--from", "2024-11-10", "--to", "2024-11-01" }, new[] { "--from", "--to", "раньше" }),
        ("check: --from после конца снимка", 2, new[] { "check", "--snapshot", "{D}/school.json", "--policy", P, "--from", "2025-01-01" }, new[] { "--from", "конец данных" }),
        ("check: --as-of не момент", 2, new[] { "check", "--snapshot", "{D}/school.json", "--policy", P, "--as-of", "вчера" }, new[] { "--as-of", "«вчера»" }),
        ("check: неизвестный --format", 2, new[] { "check", "--snapshot", "{D}/school.json", "--policy", P, "--format", "pdf" }, new[] { "--format", "«pdf»", "допустимы" }),
        ("check: опечатка в --format", 2, new[] { "check", "--snapshot", "{D}/school.json", "--policy", P, "--format", "jsno" }, new[] { "возможно, имелось в виду json" }),
        ("check: опечатка в имени параметра", 2, new[] { "check", "--snapshot", "{D}/school.json", "--polcy", P }, new[] { "--polcy", "возможно, имелось в виду --policy" }),
        ("check: --out — папка", 2, new[] { "check", "--snapshot", "{D}/school.json", "--policy", P, "--out", "{D}" }, new[] { "--out", "это папка" }),
        ("check: шаблона нет", 2, new[] { "check", "--snapshot", "{D}/school.json", "--policy", P, "--template", "{D}/none.sbn" }, new[] { "--template", "none.sbn", "не найден" }),
        ("опечатка в команде", 2, new[] { "chek", "--snapshot", "{D}/school.json" }, new[] { "«chek»", "возможно, имелось в виду check" }),
        ("без команды", 2, Array.Empty<string>(), new[] { "укажите команду" }),
        ("policies show: опечатка в пресете", 2, new[] { "policies", "show", "lyceum68-ufa-2033" }, new[] { "«lyceum68-ufa-2033»", "возможно, имелось в виду lyceum68-ufa-2023" }),
        ("policies show без id", 2, new[] { "policies", "show" }, new[] { "не указан id пресета" }),
        ("policies validate: пустой файл", 2, new[] { "policies", "validate", "{D}/empty.json" }, new[] { "empty.json", "пуст" }),
        ("policies validate: папка", 2, new[] { "policies", "validate", "{D}" }, new[] { "это папка" }),
        ("policies validate: файла нет", 2, new[] { "policies", "validate", "{D}/none.json" }, new[] { "none.json", "не найден" }),
        ("report: опечатка в подкоманде", 2, new[] { "report", "progres", "--snapshot", "{D}/school.json" }, new[] { "«progres»", "возможно, имелось в виду progress" }),
        ("report без --out", 2, new[] { "report", "progress", "--snapshot", "{D}/school.json" }, new[] { "не указан обязательный параметр --out" }),
        ("report: неизвестный период", 2, new[] { "report", "progress", "--snapshot", "{D}/school.json", "--period", "q9", "--out", "{D}/p.html" }, new[] { "--period", "«q9»" }),
        ("fetch: опечатка в коннекторе", 2, new[] { "fetch", "--connector", "eljr", "--from", "2024-09-02", "--to", "2024-09-06", "--out", "{D}/f.json" }, new[] { "--connector", "«eljr»", "возможно, имелось в виду eljur" }),
        ("fetch: нет токена", 2, new[] { "fetch", "--connector", "mosreg", "--school-id", "1000", "--from", "2024-09-02", "--to", "2024-09-06", "--out", "{D}/f.json" }, new[] { "--token (ELJUR_TOKEN)" }),
        ("fetch: ключ ЭлЖур не того вида", 2, new[] { "fetch", "--connector", "eljur", "--vendor", "lyceum68", "--devkey", "не-ключ", "--token", "t", "--time-zone", "Europe/Moscow", "--from", "2024-09-02", "--to", "2024-09-06", "--out", "{D}/f.json" }, new[] { "--devkey (ELJUR_DEVKEY)", "32 шестнадцатеричные цифры" }),
        ("fetch: опечатка в часовом поясе", 2, new[] { "fetch", "--connector", "mosreg", "--token", "t", "--school-id", "1000", "--time-zone", "Europe/Moskow", "--from", "2024-09-02", "--to", "2024-09-06", "--out", "{D}/f.json" }, new[] { "--time-zone (ELJUR_TIME_ZONE)", "«Europe/Moskow»", "возможно, имелось в виду Europe/Moscow" }),
        ("fetch: конец раньше начала", 2, new[] { "fetch", "--connector", "file", "--input", "{D}/school.json", "--from", "2024-10-10", "--to", "2024-10-01", "--out", "{D}/f.json" }, new[] { "--to", "раньше" }),
        ("fetch: --config не JSON", 2, new[] { "fetch", "--connector", "eljur", "--config", "{D}/not-a-config.json", "--from", "2024-09-02", "--to", "2024-09-06", "--out", "{D}/f.json" }, new[] { "--config", "not-a-config.json", "JSON" }),
        ("fetch: файла --input нет", 2, new[] { "fetch", "--connector", "file", "--input", "{D}/none.json", "--from", "2024-09-02", "--to", "2024-09-06", "--out", "{D}/f.json" }, new[] { "--input", "none.json", "не найден" }),
        ("sync: снимок вместо хранилища", 2, new[] { "sync", "--connector", "file", "--input", "{D}/school.json", "--store", "{D}/school.json" }, new[] { "--store", "school.json", "не хранилище" }),
        ("sync: чужая база SQLite", 2, new[] { "sync", "--connector", "file", "--input", "{D}/school.json", "--store", "{D}/other.db" }, new[] { "--store", "other.db", "не хранилище" }),
        ("snapshot: хранилища нет", 2, new[] { "snapshot", "--store", "{D}/none.db", "--out", "{D}/s.json" }, new[] { "--store", "none.db", "eljur sync" }),
        ("generate: --schools не число", 2, new[] { "generate", "--schools", "много", "--out", "{D}/g.json" }, new[] { "--schools", "«много»", "не целое число" }),
        ("generate: доля не число", 2, new[] { "generate", "--late-rate", "треть", "--out", "{D}/g.json" }, new[] { "--late-rate", "«треть»", "не число" }),
        ("policies validate без файла", 2, new[] { "policies", "validate" }, new[] { "не указан файл регламента", "ФАЙЛ" }),
        ("check: параметр правила не того типа", 2, new[] { "check", "--snapshot", "{D}/school.json", "--policy", "{D}/string-days.json" }, new[] { "string-days.json", "строка 5", "defaultWorkingDays", "должно быть целым числом, а указана строка «5»" }),
        ("generate: доля больше 1", 2, new[] { "generate", "--late-rate", "2", "--out", "{D}/g.json" }, new[] { "--late-rate", "от 0 до 1" }),
    }.Select(c => new object[] { c.Name, c.Code, c.Args, c.Names });

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_input_gets_its_exit_code_and_a_russian_message_naming_what_is_wrong(string name, int code, string[] args, string[] names)
    {
        var (exit, output, error) = Run(args.Select(a => a.Replace("{D}", _files.Dir, StringComparison.Ordinal)).ToArray());

        Assert.True(exit == code, $"{name}: exit {exit}, stderr: {error}");
        Assert.Equal("", output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length is >= 1 and <= 3, $"{name}: {error}");
        Assert.StartsWith("eljur: ", lines[0], StringComparison.Ordinal);
        foreach (var expected in names)
        {
            Assert.True(error.Contains(expected, StringComparison.Ordinal), $"{name}: «{expected}» not in: {error}");
        }

        AssertRussian(name, error.Replace(_files.Dir, "", StringComparison.Ordinal));
    }

    [Fact]
    public void The_table_covers_at_least_25_mistakes_across_every_command()
    {
        var cases = Cases().ToList();
        Assert.True(cases.Count >= 25);
        var commands = cases.Select(c => ((string[])c[2]).FirstOrDefault() ?? "").ToHashSet();
        Assert.Superset(new HashSet<string> { "check", "policies", "report", "fetch", "sync", "snapshot", "generate" }, commands);
    }

    [Fact]
    public void The_russian_check_itself_catches_leaked_library_text()
    {
        Assert.ThrowsAny<Exception>(() => AssertRussian("leak", "eljur: нет доступа: Access to the path '/x' is denied."));
        Assert.ThrowsAny<Exception>(() => AssertRussian("leak", "eljur: неверные данные: The range ends before it starts. (Parameter 'options')"));
        AssertRussian("ok", "eljur: --format: «pdf» — недопустимое значение; допустимы: text, json, html, md.\nСправка: eljur check --help");
    }

    /// <summary>
    /// No Latin word is left once what the message quotes is taken out: options, «user input», file names,
    /// JSON paths, environment variables, and the command, format and connector names it lists.
    /// </summary>
    private static void AssertRussian(string name, string message)
    {
        var rest = message;
        foreach (var id in Eljur.Rules.Presets.Ids.Concat(Eljur.Rules.StandardRules.All.Select(r => r.Id)).OrderByDescending(i => i.Length))
        {
            rest = rest.Replace(id, " ", StringComparison.Ordinal);
        }

        rest = Regex.Replace(rest, "«[^»]*»", " ");
        rest = Regex.Replace(rest, @"(?<![\w])--?[a-z][a-z0-9-]*", " ");
        rest = Regex.Replace(rest, @"ELJUR_[A-Z_]+", " ");
        rest = Regex.Replace(rest, @"\b[A-Z][a-z]+/[A-Za-z_]+\b", " "); // time zones such as Europe/Moscow
        rest = Regex.Replace(rest, @"\$[\w.\[\]]*", " ");
        rest = Regex.Replace(rest, @"[\w./-]+\.(json|db|sbn|html|csv)\b", " ");
        var allowed = new HashSet<string>(StringComparer.Ordinal)
        {
            "eljur", "JSON", "SQLite", "id", "ID", "UTF",
            "check", "sync", "fetch", "policies", "report", "snapshot", "generate", "demo", "serve", "show", "validate", "list", "notices",
            "activity", "progress", "summary", "sheet", "text", "json", "html", "md", "asiou", "file", "mosreg",
            "baseUrl",
        };
        var latin = Regex.Matches(rest, "[A-Za-z]{2,}").Select(m => m.Value).Where(w => !allowed.Contains(w)).ToList();
        Assert.True(latin.Count == 0, $"{name}: Latin words {string.Join(", ", latin)} in: {message}");
        Assert.Matches("[А-Яа-яЁё]{3,}", rest);
    }

    private static (int Code, string Out, string Error) Run(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new Console2(output, error) { Environment = _ => null };
        var code = CliApp.Run(args, console, new FakeTimeProvider(new DateTimeOffset(2024, 11, 20, 7, 0, 0, TimeSpan.Zero)));
        return (code, output.ToString(), error.ToString());
    }
}
