using System.Collections.Generic;
using Eljur.Abstractions.Calendar;

namespace Eljur.Rules;

/// <summary>Options of the gradebook services registered by <c>AddGradebook</c>.</summary>
public sealed class GradebookOptions
{
    /// <summary>
    /// The policy used when none is given: a preset id or a path to a policy file. Default: none.
    /// Validated on start: it must load.
    /// </summary>
    public string? DefaultPolicy { get; set; }

    /// <summary>
    /// Production-calendar years to add to (or replace in) the built-in Russian data for 2018–2026,
    /// e.g. a year published after this release. Default: empty.
    /// </summary>
    public IList<CalendarYear> CalendarYears { get; } = new List<CalendarYear>();
}
