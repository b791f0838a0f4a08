using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Eljur.Abstractions.Time;

/// <summary>
/// A deadline anchor as written in a policy: <c>sameDay</c>, <c>afterClassDay(1)</c>,
/// <c>afterLessonEnd(2)</c>, <c>workingDays(5)</c> or <c>calendarDays(3)</c>.
/// </summary>
public sealed record DeadlineAnchor
{
    private static readonly Regex Syntax = new(
        @"^\s*(?<name>[A-Za-z]+)\s*(\(\s*(?<arg>[0-9]+(\.[0-9]+)?)\s*\))?\s*$",
        RegexOptions.CultureInvariant);

    /// <summary>Creates an anchor.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="amount">Hours for the lesson anchors, days for the day anchors, 0 for same day.</param>
    public DeadlineAnchor(DeadlineAnchorKind kind, double amount = 0)
    {
        if (amount < 0 || double.IsNaN(amount) || double.IsInfinity(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount must be a non-negative number.");
        }

        if (kind is DeadlineAnchorKind.WorkingDays or DeadlineAnchorKind.CalendarDays && amount != Math.Floor(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Days must be a whole number.");
        }

        Kind = kind;
        Amount = amount;
    }

    /// <summary>The end of the same day.</summary>
    public static DeadlineAnchor SameDay { get; } = new(DeadlineAnchorKind.SameDay);

    /// <summary>The kind.</summary>
    public DeadlineAnchorKind Kind { get; }

    /// <summary>Hours (lesson anchors) or days (day anchors).</summary>
    public double Amount { get; }

    /// <summary>Whether computing it needs lesson start and end times.</summary>
    public bool NeedsLessonTimes => Kind is DeadlineAnchorKind.AfterClassDay or DeadlineAnchorKind.AfterLessonEnd;

    /// <summary>Parses the policy spelling.</summary>
    /// <param name="text">E.g. <c>workingDays(5)</c>.</param>
    /// <param name="anchor">The anchor, when valid.</param>
    /// <param name="error">Why it is not valid.</param>
    /// <returns>Whether it parsed.</returns>
    public static bool TryParse(string? text, out DeadlineAnchor? anchor, out string? error)
    {
        anchor = null;
        error = null;
        var m = Syntax.Match(text ?? "");
        if (!m.Success)
        {
            error = $"\"{text}\" is not a deadline anchor; expected sameDay, afterClassDay(h), afterLessonEnd(h), workingDays(n) or calendarDays(n)";
            return false;
        }

        var name = m.Groups["name"].Value;
        var hasArg = m.Groups["arg"].Success;
        var arg = hasArg ? double.Parse(m.Groups["arg"].Value, CultureInfo.InvariantCulture) : 0;
        DeadlineAnchorKind kind;
        switch (name)
        {
            case "sameDay": kind = DeadlineAnchorKind.SameDay; break;
            case "afterClassDay": kind = DeadlineAnchorKind.AfterClassDay; break;
            case "afterLessonEnd": kind = DeadlineAnchorKind.AfterLessonEnd; break;
            case "workingDays": kind = DeadlineAnchorKind.WorkingDays; break;
            case "calendarDays": kind = DeadlineAnchorKind.CalendarDays; break;
            default:
                error = $"unknown deadline anchor \"{name}\"; expected sameDay, afterClassDay, afterLessonEnd, workingDays or calendarDays";
                return false;
        }

        if (kind == DeadlineAnchorKind.SameDay && hasArg)
        {
            error = "sameDay takes no argument";
            return false;
        }

        if (kind != DeadlineAnchorKind.SameDay && !hasArg)
        {
            error = $"{name} needs an argument, e.g. {name}(1)";
            return false;
        }

        if (kind is DeadlineAnchorKind.WorkingDays or DeadlineAnchorKind.CalendarDays && arg != Math.Floor(arg))
        {
            error = $"{name} takes a whole number of days";
            return false;
        }

        anchor = new DeadlineAnchor(kind, arg);
        return true;
    }

    /// <summary>The policy spelling.</summary>
    /// <returns>E.g. <c>workingDays(5)</c>.</returns>
    public override string ToString()
    {
        var amount = Amount.ToString(CultureInfo.InvariantCulture);
        return Kind switch
        {
            DeadlineAnchorKind.SameDay => "sameDay",
            DeadlineAnchorKind.AfterClassDay => $"afterClassDay({amount})",
            DeadlineAnchorKind.AfterLessonEnd => $"afterLessonEnd({amount})",
            DeadlineAnchorKind.WorkingDays => $"workingDays({amount})",
            _ => $"calendarDays({amount})",
        };
    }
}
