using System;
using System.CommandLine;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace Eljur.Cli.Infrastructure;

/// <summary>
/// An option that takes one of a few words (<c>--format text|json|html|md</c>): the check says in Russian
/// which word is wrong, suggests the nearest, and the help lists the words.
/// </summary>
internal static class Choices
{
    private static readonly ConditionalWeakTable<Option, IReadOnlyList<string>> Allowed = new();

    public static void Restrict(Option option, IReadOnlyList<string> values)
    {
        Allowed.AddOrUpdate(option, values);
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!values.Contains(token.Value, StringComparer.Ordinal))
                {
                    result.AddError($"{option.Name}: «{token.Value}» — недопустимое значение{Suggestions.Hint(token.Value, values)}; допустимы: {string.Join(", ", values)}.");
                }
            }
        });
    }

    /// <summary>The words an option takes, if it is restricted to some.</summary>
    public static IReadOnlyList<string>? Of(Option option) => Allowed.TryGetValue(option, out var values) ? values : null;
}
