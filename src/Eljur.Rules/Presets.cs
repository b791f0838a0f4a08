using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules;

/// <summary>The presets shipped with the SDK: policies encoding real school regulations, embedded as JSON.</summary>
public static class Presets
{
    private const string Prefix = "Eljur.Rules.Presets.";

    /// <summary>Ids of every shipped preset, sorted.</summary>
    public static IReadOnlyList<string> Ids { get; } = typeof(Presets).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n.Substring(Prefix.Length, n.Length - Prefix.Length - ".json".Length))
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToList();

    /// <summary>Whether a preset with that id ships.</summary>
    /// <param name="id">Preset id.</param>
    /// <returns>True when it exists.</returns>
    public static bool Exists(string id) => Ids.Contains(id, StringComparer.Ordinal);

    /// <summary>Loads a preset, validated against <paramref name="catalog"/> (the standard catalog by default).</summary>
    /// <param name="id">Preset id, e.g. <c>lyceum68-ufa-2023</c>.</param>
    /// <param name="catalog">Catalog to validate against.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicyException">No such preset.</exception>
    public static Policy Load(string id, IRuleCatalog? catalog = null)
    {
        using var stream = Open(id) ?? throw new PolicyException($"unknown preset \"{id}\"; shipped presets: {string.Join(", ", Ids)}", "$", null, id);
        return PolicyReader.Read(stream, "preset " + id, catalog ?? StandardRules.Catalog);
    }

    /// <summary>The raw JSON of a preset, e.g. to copy and adapt it.</summary>
    /// <param name="id">Preset id.</param>
    /// <returns>The JSON text, or null when there is no such preset.</returns>
    public static string? GetJson(string id)
    {
        using var stream = Open(id);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Resolves what a user typed for a policy: a preset id, or else a path to a policy file.
    /// </summary>
    /// <param name="idOrPath">A preset id or a file path.</param>
    /// <param name="catalog">Catalog to validate against.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicyException">Neither a preset nor a readable, valid policy file.</exception>
    public static Policy Resolve(string idOrPath, IRuleCatalog? catalog = null)
    {
        catalog ??= StandardRules.Catalog;
        if (Exists(idOrPath))
        {
            return Load(idOrPath, catalog);
        }

        if (File.Exists(idOrPath))
        {
            return PolicyReader.ReadFile(idOrPath, catalog);
        }

        throw new PolicyException(
            $"\"{idOrPath}\" is neither a preset ({string.Join(", ", Ids)}) nor an existing policy file",
            "$",
            null,
            idOrPath);
    }

    private static Stream? Open(string id) => typeof(Presets).Assembly.GetManifestResourceStream(Prefix + id + ".json");
}
