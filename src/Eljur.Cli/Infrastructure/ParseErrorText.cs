using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;

namespace Eljur.Cli.Infrastructure;

/// <summary>
/// Russian messages for command-line mistakes. System.CommandLine words its own errors in English (or
/// half-translated); this reads what went wrong from the parse result instead of from its text, and
/// keeps the messages of our own validators, which are Russian already.
/// </summary>
internal static class ParseErrorText
{
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        var messages = new List<string>();
        void Add(string message)
        {
            if (message.Length > 0 && !messages.Contains(message, StringComparer.Ordinal))
            {
                messages.Add(message);
            }
        }

        var unmatched = parse.UnmatchedTokens;
        var command = parse.CommandResult.Command;
        if (unmatched.Count > 0 && command.Subcommands.Count > 0 && !unmatched[0].StartsWith("-", StringComparison.Ordinal))
        {
            // «eljur chek --snapshot x»: the rest of the line belongs to the command meant; one message is enough.
            Add(UnknownCommand(unmatched[0], parse.CommandResult));
            return messages;
        }

        for (var i = 0; i < unmatched.Count; i++)
        {
            // «--polcy x»: x is the unknown option's value, not a second mistake.
            if (i > 0 && IsOption(unmatched[i - 1]) && !IsOption(unmatched[i]))
            {
                continue;
            }

            Add(Unmatched(unmatched[i], parse.CommandResult));
        }

        foreach (var error in parse.Errors)
        {
            if (IsRussian(error.Message))
            {
                Add(error.Message);
                continue;
            }

            switch (error.SymbolResult)
            {
                case OptionResult option:
                    Add(OptionProblem(option));
                    break;
                case ArgumentResult { Parent: OptionResult option }:
                    Add(OptionProblem(option));
                    break;
                default:
                    foreach (var message in CommandProblems(parse))
                    {
                        Add(message);
                    }

                    break;
            }
        }

        if (messages.Count == 0)
        {
            Add($"команда «{CommandPath.Of(parse.CommandResult)}» записана с ошибкой.");
        }

        return messages;
    }

    private static bool IsOption(string token) => token.StartsWith("-", StringComparison.Ordinal) && token.Length > 1;

    /// <summary>Whether a message is one of ours: Cyrillic outside the user's own words, which the library quotes in '…'.</summary>
    private static bool IsRussian(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "'[^']*'", "").Any(c => c is >= 'А' and <= 'я' or 'ё' or 'Ё');

    private static string UnknownCommand(string token, CommandResult result)
    {
        var names = result.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        return $"неизвестная команда «{token}»{Suggestions.Hint(token, names)}; команды {CommandPath.Of(result)}: {string.Join(", ", names)}.";
    }

    private static string Unmatched(string token, CommandResult result)
    {
        var path = CommandPath.Of(result);
        if (IsOption(token))
        {
            var name = token.Split('=')[0];
            var names = CommandPath.Options(result).Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name));
            return $"у команды «{path}» нет параметра {name}{Suggestions.Hint(name, names)}; список параметров: {path} --help.";
        }

        return $"лишний аргумент «{token}»: возможно, перед ним пропущено имя параметра (список параметров: {path} --help).";
    }

    private static string OptionProblem(OptionResult result)
    {
        var option = result.Option;
        var name = result.IdentifierToken?.Value ?? option.Name;
        var tokens = result.Tokens;
        if (result.IdentifierToken is null || result.Implicit)
        {
            var path = CommandPath.Of((CommandResult)result.Parent!);
            return $"не указан обязательный параметр {option.Name} ({Lower(option.Description)}): {path} {option.Name} …";
        }

        if (tokens.Count == 0)
        {
            return $"{name}: не указано значение — напишите его после {name} через пробел.";
        }

        if (tokens.Count > 1 && option.Arity.MaximumNumberOfValues == 1)
        {
            return $"{name} указан несколько раз ({string.Join(", ", tokens.Select(t => "«" + t.Value + "»"))}): нужно одно значение.";
        }

        var value = tokens[0].Value;
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        if (type == typeof(int) || type == typeof(long))
        {
            return $"{name}: «{value}» — не целое число.";
        }

        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
        {
            return $"{name}: «{value}» — не число; дробную часть отделяйте точкой, например 0.25.";
        }

        if (type == typeof(bool))
        {
            return $"{name}: «{value}» — ожидается true или false (или просто {name} без значения).";
        }

        return $"{name}: «{value}» — недопустимое значение; описание параметра: {CommandPath.Of((CommandResult)result.Parent!)} --help.";
    }

    private static IEnumerable<string> CommandProblems(ParseResult parse)
    {
        var result = parse.CommandResult;
        var path = CommandPath.Of(result);
        foreach (var option in CommandPath.Options(result).Where(o => o.Required && parse.GetResult(o) is null))
        {
            yield return $"не указан обязательный параметр {option.Name} ({Lower(option.Description)}): {path} {option.Name} …";
        }

        foreach (var argument in result.Command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0))
        {
            if (parse.GetResult(argument) is not { Tokens.Count: > 0 })
            {
                yield return $"не указан {Lower(argument.Description)}: {path} {CommandPath.Placeholder(argument)}.";
            }
        }

        if (result.Command.Subcommands.Count > 0 && result.Command.Action is null)
        {
            var names = result.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
            yield return $"укажите команду: {path} {string.Join(" | ", names)}; справка: {path} --help.";
        }
    }

    private static string Lower(string? text) =>
        string.IsNullOrEmpty(text) ? "значение" : char.ToLowerInvariant(text![0]) + text.Substring(1);
}
