using System;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Policies;
using Microsoft.Extensions.Options;

namespace Eljur.Rules;

/// <summary>Loads policies (presets or files) validated against the registered rule catalog.</summary>
public sealed class PolicyProvider
{
    private readonly IRuleCatalog _catalog;
    private readonly IOptions<GradebookOptions> _options;

    /// <summary>Creates the provider.</summary>
    /// <param name="catalog">The rule catalog.</param>
    /// <param name="options">Gradebook options (for the default policy).</param>
    public PolicyProvider(IRuleCatalog catalog, IOptions<GradebookOptions> options)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Loads a preset id or a policy file path.</summary>
    /// <param name="idOrPath">Preset id or file path.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicyException">Not found or invalid.</exception>
    public Policy Get(string idOrPath) => Presets.Resolve(idOrPath, _catalog);

    /// <summary>Loads <see cref="GradebookOptions.DefaultPolicy"/>.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="InvalidOperationException">No default policy is configured.</exception>
    public Policy GetDefault() =>
        Get(_options.Value.DefaultPolicy ?? throw new InvalidOperationException("GradebookOptions.DefaultPolicy is not set."));
}
