using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Eljur.Cli.Infrastructure;

/// <summary>
/// <c>--help</c> in Russian. System.CommandLine's own help prints English headings
/// (<c>Description:/Usage:/Options:</c>) and its Russian resources are incomplete; this action writes
/// the whole page from the command tree instead: what the command does, how to call it, its arguments,
/// options (value, required, default, allowed words) and subcommands.
/// </summary>
internal sealed class RussianHelp : SynchronousCommandLineAction
{
    private const int MaxFirstColumn = 36;

    // What the common options take, so that the help says «--from <ГГГГ-ММ-ДД>» rather than «<значение>».
    private static readonly Dictionary<string, string> ValueNames = new(StringComparer.Ordinal)
    {
        ["--snapshot"] = "файл", ["--store"] = "файл", ["--out"] = "файл", ["--template"] = "файл", ["--config"] = "файл",
        ["--input"] = "файл", ["--mapping"] = "файл", ["--calendar"] = "файл", ["--policy"] = "пресет|файл",
        ["--from"] = "ГГГГ-ММ-ДД", ["--to"] = "ГГГГ-ММ-ДД", ["--as-of"] = "момент", ["--export-dir"] = "папка",
        ["--base-url"] = "адрес", ["--class"] = "класс", ["--school"] = "id", ["--school-id"] = "id", ["--period"] = "id",
    };

    /// <summary>Puts the Russian help on the root's <c>--help</c> (recursive, so every command gets it) and words <c>--version</c>.</summary>
    public static void Install(RootCommand root)
    {
        foreach (var option in root.Options)
        {
            switch (option)
            {
                case HelpOption help:
                    help.Description = "Показать эту справку";
                    help.Action = new RussianHelp();
                    break;
                case VersionOption version:
                    version.Description = "Показать версию программы";
                    break;
            }
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        Write(parseResult.CommandResult, parseResult.InvocationConfiguration.Output);
        return ExitCodes.Ok;
    }

    public static void Write(System.CommandLine.Parsing.CommandResult result, TextWriter output)
    {
        var command = result.Command;
        var path = CommandPath.Of(result);
        output.WriteLine(command.Description is { } about && about.StartsWith(path, StringComparison.Ordinal) ? about : $"{path} — {command.Description}");
        output.WriteLine();

        var options = CommandPath.Options(result).Where(o => !o.Hidden).ToList();
        var arguments = command.Arguments.Where(a => !a.Hidden).ToList();
        var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();

        output.WriteLine("Как вызвать:");
        var usage = path + string.Concat(arguments.Select(a => " " + CommandPath.Placeholder(a)));
        if (subcommands.Count > 0)
        {
            output.WriteLine($"  {path} КОМАНДА [параметры]");
        }

        if (subcommands.Count == 0 || command.Action is not null)
        {
            var required = options.Where(o => o.Required).Select(o => $" {o.Name} {ValueName(o)}");
            output.WriteLine($"  {usage}{string.Concat(required)} [параметры]");
        }

        if (arguments.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Аргументы:");
            Columns(output, arguments.Select(a => (CommandPath.Placeholder(a), a.Description ?? "")));
        }

        if (subcommands.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Команды:");
            Columns(output, subcommands.Select(c => (c.Name, c.Description ?? "")));
        }

        output.WriteLine();
        output.WriteLine("Параметры:");
        Columns(output, options.Select(o => (Label(o), Describe(o))));

        if (subcommands.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Справка по команде: {path} КОМАНДА --help");
        }
    }

    private static string Label(Option option)
    {
        var names = string.Join(", ", option.Aliases.Where(a => a.StartsWith("-", StringComparison.Ordinal) && a != "-?").OrderBy(a => a.Length).Append(option.Name));
        return IsFlag(option) ? names : names + " " + ValueName(option);
    }

    private static bool IsFlag(Option option) => option.Arity.MaximumNumberOfValues == 0 || option.ValueType == typeof(bool);

    private static string ValueName(Option option)
    {
        if (Choices.Of(option) is { } choices)
        {
            return "<" + string.Join("|", choices) + ">";
        }

        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        if (option.HelpName is { Length: > 0 } name)
        {
            return "<" + name + ">";
        }

        return type == typeof(int) || type == typeof(long) ? "<число>"
            : type == typeof(double) ? "<доля>"
            : ValueNames.TryGetValue(option.Name, out var known) ? "<" + known + ">"
            : "<значение>";
    }

    private static string Describe(Option option)
    {
        var text = option.Description ?? "";
        if (option.Required)
        {
            text += " (обязательный)";
        }

        if (option.HasDefaultValue && !IsFlag(option) && option.GetDefaultValue() is { } value)
        {
            text += " [по умолчанию: " + Convert.ToString(value, CultureInfo.InvariantCulture) + "]";
        }

        return text;
    }

    private static void Columns(TextWriter output, IEnumerable<(string First, string Second)> rows)
    {
        var list = rows.ToList();
        var width = Math.Min(MaxFirstColumn, list.Count == 0 ? 0 : list.Max(r => r.First.Length));
        foreach (var (first, second) in list)
        {
            if (first.Length > width)
            {
                output.WriteLine("  " + first);
                output.WriteLine("  " + new string(' ', width) + "  " + second);
            }
            else
            {
                output.WriteLine("  " + first.PadRight(width) + "  " + second);
            }
        }
    }
}
