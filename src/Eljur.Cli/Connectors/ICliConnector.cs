using System.Collections.Generic;
using Eljur.Abstractions.DependencyInjection;

namespace Eljur.Cli.Connectors;

/// <summary>
/// A connector the <c>fetch</c> and <c>check</c> commands can use with <c>--connector ID</c>. To add one
/// (<c>mosreg</c>, <c>asiou</c>), add a class implementing this interface with a public parameterless
/// constructor: it is found by reflection, and its options join the commands.
/// </summary>
internal interface ICliConnector
{
    /// <summary>The value of <c>--connector</c>, e.g. <c>eljur</c>.</summary>
    string Id { get; }

    /// <summary>One line for <c>--help</c>.</summary>
    string Description { get; }

    /// <summary>The connector's options (an option several connectors declare is shared, e.g. <c>--token</c>).</summary>
    IReadOnlyList<ConnectorOption> Options { get; }

    /// <summary>
    /// Registers the connector under <see cref="Id"/> from the resolved values. Missing or contradictory
    /// values are a <see cref="Infrastructure.CliException"/> with exit code 2 naming the option and its
    /// environment variable, and never repeating a secret.
    /// </summary>
    /// <param name="builder">The gradebook builder.</param>
    /// <param name="values">Option values from the command line, the environment or the config file.</param>
    void Register(IGradebookBuilder builder, ConnectorValues values);

    /// <summary>Rewrites one options-validation failure in terms of the command line (option names, not properties).</summary>
    /// <param name="failure">A failure message of the connector's options validator.</param>
    /// <returns>The message for the user.</returns>
    string Explain(string failure);
}
