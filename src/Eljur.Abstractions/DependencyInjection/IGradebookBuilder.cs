using Microsoft.Extensions.DependencyInjection;

namespace Eljur.Abstractions.DependencyInjection;

/// <summary>
/// Returned by <c>services.AddGradebook()</c>; connectors and extra rules register on it
/// (<c>.AddEljur(...)</c>, <c>.AddRule&lt;T&gt;()</c>).
/// </summary>
public interface IGradebookBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }
}
