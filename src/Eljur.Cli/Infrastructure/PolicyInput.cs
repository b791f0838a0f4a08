using System.IO;
using System.Linq;
using Eljur.Abstractions.Policies;
using Eljur.Rules;

namespace Eljur.Cli.Infrastructure;

/// <summary>What the user typed for <c>--policy</c>: a preset id or a policy file, with a suggestion for a misspelled id.</summary>
internal static class PolicyInput
{
    public static Policy Resolve(string idOrPath, string option = "--policy")
    {
        if (Presets.Exists(idOrPath))
        {
            return Presets.Load(idOrPath, StandardRules.Catalog);
        }

        if (File.Exists(idOrPath) || Directory.Exists(idOrPath) || LooksLikePath(idOrPath))
        {
            return PolicyReader.ReadFile(InputFiles.Existing(idOrPath, option, "файл регламента (JSON)"), StandardRules.Catalog);
        }

        throw new CliException(
            ExitCodes.BadInput,
            $"{option}: «{idOrPath}» — нет ни такого пресета, ни такого файла{Suggestions.Hint(idOrPath, Presets.Ids)}. Пресеты: {string.Join(", ", Presets.Ids)}; или укажите путь к файлу регламента (JSON).");
    }

    /// <summary>A file named for validation (<c>eljur policies validate FILE</c>).</summary>
    public static Policy ReadFile(string path, string what) =>
        PolicyReader.ReadFile(InputFiles.Existing(path, what, "файл регламента (JSON)"), StandardRules.Catalog);

    private static bool LooksLikePath(string text) =>
        text.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase) || text.IndexOfAny(new[] { '/', '\\' }) >= 0;
}
