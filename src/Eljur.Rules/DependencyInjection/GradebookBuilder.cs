using Eljur.Abstractions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Eljur.Rules;

/// <summary>The builder returned by <c>AddGradebook</c>.</summary>
internal sealed class GradebookBuilder : IGradebookBuilder
{
    public GradebookBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }
}
