using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Eljur.Cli.Infrastructure;

namespace Eljur.Cli.Tests;

/// <summary><c>--help</c> of every command is Russian: headings, descriptions of the command and of each option.</summary>
public class HelpTests
{
    private static IEnumerable<(string[] Path, Command Command)> Walk(Command command, string[] path)
    {
        yield return (path, command);
        foreach (var sub in command.Subcommands)
        {
            foreach (var item in Walk(sub, path.Append(sub.Name).ToArray()))
            {
                yield return item;
            }
        }
    }

    private static List<(string[] Path, Command Command)> Commands() =>
        Walk(CliApp.Build(new Console2(TextWriter.Null, TextWriter.Null), System.TimeProvider.System), System.Array.Empty<string>()).ToList();

    [Fact]
    public void Every_command_and_option_has_a_russian_description()
    {
        var commands = Commands();
        Assert.True(commands.Count >= 12, "the tree was walked");
        foreach (var (path, command) in commands)
        {
            Assert.Matches("[А-Яа-яЁё]{3,}", command.Description ?? "");
            foreach (var option in command.Options)
            {
                Assert.True(Regex.IsMatch(option.Description ?? "", "[А-Яа-яЁё]{3,}"), $"eljur {string.Join(" ", path)} {option.Name}: «{option.Description}»");
            }

            foreach (var argument in command.Arguments)
            {
                Assert.Matches("[А-Яа-яЁё]{3,}", argument.Description ?? "");
            }
        }
    }

    [Fact]
    public void Help_of_every_command_has_russian_headings_and_no_english_ones()
    {
        foreach (var (path, command) in Commands())
        {
            var (code, output, error) = CliRunner.Run(path.Append("--help").ToArray());

            var name = "eljur " + string.Join(" ", path);
            Assert.True(code == 0, name + ": " + error);
            Assert.Equal("", error);
            Assert.Contains("Как вызвать:", output);
            Assert.Contains("Параметры:", output);
            Assert.Contains("-h, --help", output);
            foreach (var english in new[] { "Description:", "Usage:", "Options:", "Commands:", "Arguments:", "Show help", "(REQUIRED)", "default:" })
            {
                Assert.DoesNotContain(english, output);
            }

            foreach (var option in command.Options)
            {
                Assert.Contains(option.Name, output);
            }

            foreach (var sub in command.Subcommands)
            {
                Assert.Contains(sub.Name + " ", output);
            }
        }
    }

    [Fact]
    public void Help_of_check_marks_the_required_option_and_lists_the_formats_and_the_default()
    {
        var (code, output, _) = CliRunner.Run("check", "--help");

        Assert.Equal(0, code);
        Assert.StartsWith("eljur check — Проверить снимок данных журнала", output);
        Assert.Matches(@"--policy <пресет\|файл>\s+Регламент: .*\(обязательный\)", output);
        Assert.Contains("--format <text|json|html|md>", output);
        Assert.Contains("[по умолчанию: text]", output);
        Assert.Contains("--from <ГГГГ-ММ-ДД>", output);
    }

    [Fact]
    public void Help_is_shown_even_when_the_command_line_is_otherwise_incomplete()
    {
        // check needs a data source; asking for its help must not be refused for lack of one.
        var (code, output, error) = CliRunner.Run("check", "--help");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("--snapshot <файл>", output);
    }
}
