using System;
using System.Collections.Generic;
using System.Linq;

namespace Eljur.Abstractions.Evaluation;

/// <summary>A rule catalog built from a list of definitions; ids must be unique.</summary>
public sealed class RuleCatalog : IRuleCatalog
{
    private readonly Dictionary<string, RuleDefinition> _byId;

    /// <summary>Creates a catalog.</summary>
    /// <param name="rules">The definitions.</param>
    public RuleCatalog(IEnumerable<RuleDefinition> rules)
    {
        All = rules.ToList();
        _byId = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        foreach (var rule in All)
        {
            if (_byId.ContainsKey(rule.Id))
            {
                throw new ArgumentException($"Two rules share the id \"{rule.Id}\".", nameof(rules));
            }

            _byId.Add(rule.Id, rule);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<RuleDefinition> All { get; }

    /// <inheritdoc />
    public bool TryGet(string id, out RuleDefinition rule) => _byId.TryGetValue(id, out rule!);
}
