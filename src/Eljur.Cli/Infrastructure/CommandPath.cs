using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;

namespace Eljur.Cli.Infrastructure;

/// <summary>How a command is typed: <c>eljur policies show</c>.</summary>
internal static class CommandPath
{
    public static string Of(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                names.Insert(0, c.Command is RootCommand ? "eljur" : c.Command.Name);
            }
        }

        return string.Join(" ", names);
    }

    /// <summary>How an argument is shown in usage lines: <c>ФАЙЛ</c>, <c>ID</c>.</summary>
    public static string Placeholder(Argument argument) => argument.Name switch
    {
        "file" => "ФАЙЛ",
        "id" => "ID",
        _ => argument.Name.ToUpperInvariant(),
    };

    /// <summary>The options that apply to a command: its own and the recursive ones of its parents (<c>--help</c>).</summary>
    public static IEnumerable<Option> Options(CommandResult result)
    {
        foreach (var option in result.Command.Options)
        {
            yield return option;
        }

        for (var r = result.Parent; r is not null; r = r.Parent)
        {
            if (r is CommandResult parent)
            {
                foreach (var option in parent.Command.Options)
                {
                    if (option.Recursive)
                    {
                        yield return option;
                    }
                }
            }
        }
    }
}
