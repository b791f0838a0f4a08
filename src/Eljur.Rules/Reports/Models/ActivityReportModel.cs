using System;
using System.Collections.Generic;

namespace Eljur.Rules.Reports.Models;

/// <summary>
/// What the activity report templates see (<c>activity.*.sbn</c>): user accounts and logins by role, per
/// calendar month of the range. Members are snake_case in templates.
/// </summary>
public sealed record ActivityReportModel
{
    /// <summary>The report's title.</summary>
    public string Title { get; init; } = "Активность пользователей электронного журнала";

    /// <summary>School name.</summary>
    public string SchoolName { get; init; } = "";

    /// <summary>First date, <c>dd.MM.yyyy</c>.</summary>
    public string From { get; init; } = "";

    /// <summary>Last date, <c>dd.MM.yyyy</c>.</summary>
    public string To { get; init; } = "";

    /// <summary>True when the source lists accounts (capability <c>accounts</c>).</summary>
    public bool HasAccounts { get; init; }

    /// <summary>True when the source lists logins (capability <c>logins</c>).</summary>
    public bool HasLogins { get; init; }

    /// <summary>Remarks on missing data and on how the numbers are counted.</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    /// <summary>True when student names were replaced by pseudonyms (the report shows no names anyway).</summary>
    public bool Anonymized { get; init; }

    /// <summary>The report style sheet (HTML only).</summary>
    public TrustedHtml Css { get; init; } = new("");

    /// <summary>The months of the range, oldest first.</summary>
    public IReadOnlyList<ActivityMonthModel> Months { get; init; } = Array.Empty<ActivityMonthModel>();
}

/// <summary>One calendar month.</summary>
public sealed record ActivityMonthModel
{
    /// <summary>The month as <c>YYYY-MM</c>.</summary>
    public string Month { get; init; } = "";

    /// <summary>The month in Russian, e.g. «октябрь 2024».</summary>
    public string MonthText { get; init; } = "";

    /// <summary>The dates of the month inside the range, e.g. «21.10.2024 — 31.10.2024».</summary>
    public string Dates { get; init; } = "";

    /// <summary>One row per role: students, parents, teachers, administration.</summary>
    public IReadOnlyList<ActivityRowModel> Roles { get; init; } = Array.Empty<ActivityRowModel>();

    /// <summary>All roles together.</summary>
    public ActivityRowModel Total { get; init; } = new();
}

/// <summary>Accounts and logins of one role in one month.</summary>
public sealed record ActivityRowModel
{
    /// <summary>Role id: <c>student</c>, <c>parent</c>, <c>teacher</c>, <c>administration</c>, or <c>all</c>.</summary>
    public string Role { get; init; } = "";

    /// <summary>Role in Russian.</summary>
    public string RoleText { get; init; } = "";

    /// <summary>Accounts existing at the end of the month (created by then; creation time unknown counts as existing).</summary>
    public int Accounts { get; init; }

    /// <summary>Of those, accounts activated by the end of the month.</summary>
    public int Activated { get; init; }

    /// <summary><see cref="Activated"/> / <see cref="Accounts"/> as «60 %», or «—».</summary>
    public string ActivatedShare { get; init; } = "";

    /// <summary>Accounts with at least one login in the month (unique users).</summary>
    public int ActiveUsers { get; init; }

    /// <summary><see cref="ActiveUsers"/> / <see cref="Activated"/> as a percentage, or «—».</summary>
    public string ActiveShare { get; init; } = "";

    /// <summary>Logins in the month.</summary>
    public int Logins { get; init; }
}
