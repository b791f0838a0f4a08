using System;
using System.Collections.Generic;
using System.Linq;

namespace Eljur.Abstractions.Model;

/// <summary>
/// A set of declared capabilities that understands the <c>entryTimes</c> shorthand: declaring it
/// implies all four entry-time capabilities, and declaring all four implies it.
/// </summary>
public sealed class CapabilitySet
{
    private readonly HashSet<string> _names;

    /// <summary>Creates a set from declared names.</summary>
    /// <param name="declared">Capability names as declared by a source.</param>
    public CapabilitySet(IEnumerable<string> declared)
    {
        if (declared is null)
        {
            throw new ArgumentNullException(nameof(declared));
        }

        _names = new HashSet<string>(declared, StringComparer.Ordinal);
        if (_names.Contains(Capability.EntryTimes))
        {
            _names.UnionWith(Capability.EntryTimeParts);
        }
        else if (Capability.EntryTimeParts.All(_names.Contains))
        {
            _names.Add(Capability.EntryTimes);
        }
    }

    /// <summary>Whether the capability is available.</summary>
    /// <param name="capability">A capability name.</param>
    /// <returns><see langword="true"/> when declared, directly or through the shorthand.</returns>
    public bool Has(string capability) => _names.Contains(capability);

    /// <summary>The capabilities among <paramref name="required"/> that are not available, in the given order.</summary>
    /// <param name="required">Capability names needed.</param>
    /// <returns>The missing ones; empty when all are available.</returns>
    public IReadOnlyList<string> Missing(IEnumerable<string> required) =>
        required.Where(c => !Has(c)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Every available capability, expanded, sorted.</summary>
    public IReadOnlyList<string> Names => _names.OrderBy(n => n, StringComparer.Ordinal).ToList();
}
