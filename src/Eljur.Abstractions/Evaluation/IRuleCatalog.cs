using System.Collections.Generic;

namespace Eljur.Abstractions.Evaluation;

/// <summary>The rules and metrics a policy may use, by id.</summary>
public interface IRuleCatalog
{
    /// <summary>Every rule and metric, in catalog order.</summary>
    IReadOnlyList<RuleDefinition> All { get; }

    /// <summary>Finds a rule or metric.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="rule">The definition when found.</param>
    /// <returns>Whether it exists.</returns>
    bool TryGet(string id, out RuleDefinition rule);
}
