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
    /// Production-calendar years to add to (or replace in) the built-in Russian data for 2018–2027,
    /// e.g. a year published after this release. Default: empty.
    /// </summary>
    public IList<CalendarYear> CalendarYears { get; } = new List<CalendarYear>();

    /// <summary>
    /// Paths of production-calendar files in the xmlcalendar format (one year each, read with
    /// <see cref="XmlCalendar.ReadFile"/>) that add to or replace the built-in years, applied after
    /// <see cref="CalendarYears"/> in list order: the CLI's <c>--calendar</c> for a service. Validated on
    /// start: each file must read, and the failure names the file and line. Default: empty.
    /// </summary>
    public IList<string> CalendarFiles { get; } = new List<string>();
}
