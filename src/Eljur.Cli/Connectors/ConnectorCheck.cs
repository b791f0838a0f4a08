using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Linq;
using System.Threading;
using Eljur.Abstractions.Model;
using Eljur.Cli.Infrastructure;

namespace Eljur.Cli.Connectors;

/// <summary>
/// <c>eljur check --connector NAME …</c>: adds the connector options to <c>check</c> and wraps its
/// action, so a fetched snapshot goes through exactly the path a <c>--snapshot</c> file takes
/// (every report option included). Kept apart from <c>CheckCommand</c> so the two evolve separately.
/// </summary>
internal static class ConnectorCheck
{
    private static readonly AsyncLocal<GradebookSnapshot?> Current = new();

    /// <summary>The snapshot fetched for the check running in this flow, if it came from a connector.</summary>
    public static GradebookSnapshot? Fetched => Current.Value;

    // alternatives: other sources check accepts instead of --snapshot (e.g. --store); each counts as a snapshot here.
    public static void Attach(Command command, Option<string?> snapshot, Option<string?> from, Option<string?> to, Console2 console, TimeProvider time, params Option<string?>[] alternatives)
    {
        var source = ConnectorSource.Create();
        source.AddTo(command);
        command.Validators.Add(result => Validate(result, snapshot, from, to, source, alternatives));
        var inner = command.Action as AsynchronousCommandLineAction
            ?? throw new InvalidOperationException("check must have an asynchronous action before the connector options are attached.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!source.IsGiven(parse))
            {
                return await inner.InvokeAsync(parse, cancellationToken).ConfigureAwait(false);
            }

            var first = Inputs.Date(parse.GetValue(from), "--from")!.Value;
            var last = Inputs.Date(parse.GetValue(to), "--to")!.Value;
            Current.Value = source.Fetch(parse, first, last, console, time, cancellationToken, announceUnmapped: false);
            try
            {
                return await inner.InvokeAsync(parse, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Current.Value = null;
            }
        });
    }

    /// <summary>Exactly one of <c>--snapshot</c> and <c>--connector</c>; a connector also needs the range to fetch.</summary>
    private static void Validate(CommandResult result, Option<string?> snapshot, Option<string?> from, Option<string?> to, ConnectorSource source, Option<string?>[] alternatives)
    {
        var hasSnapshot = result.GetResult(snapshot) is not null || alternatives.Any(a => result.GetResult(a) is not null);
        var hasConnector = result.GetResult(source.Connector) is not null;
        if (hasSnapshot == hasConnector)
        {
            result.AddError(hasSnapshot
                ? "укажите либо --snapshot, либо --connector, но не оба."
                : "укажите источник данных: --snapshot ФАЙЛ или --connector ИМЯ (или --store ФАЙЛ).");
            return;
        }

        if (hasSnapshot && source.GivenOptionNames(result).FirstOrDefault() is { } stray)
        {
            result.AddError($"{stray} задаётся только вместе с --connector.");
        }

        if (hasConnector && (result.GetResult(from) is null || result.GetResult(to) is null))
        {
            result.AddError("с --connector нужны --from и --to: за какой период загрузить данные.");
        }
    }
}
