using System;
using System.Collections.Generic;
using System.Globalization;
using Eljur.Abstractions.Model;

namespace Eljur.Abstractions.Synthetic;

/// <summary>
/// What <see cref="SyntheticSnapshotGenerator"/> generates: how many schools and students, over
/// which dates, from which seed, and how often teachers are late, correct marks and pupils miss
/// school. Every value has a realistic default; equal options give byte-identical snapshots.
/// </summary>
public sealed record SyntheticSnapshotOptions
{
    /// <summary>Number of schools (1 or more). Several schools make a region bundle; see <see cref="SyntheticSnapshotGenerator"/>.</summary>
    public int Schools { get; init; } = 1;

    /// <summary>Students per school (1 or more), about 25 to a class, spread over grades 1 to 11.</summary>
    public int StudentsPerSchool { get; init; } = 500;

    /// <summary>First date (inclusive, school-local).</summary>
    public DateTime From { get; init; } = new(2024, 9, 1);

    /// <summary>Last date (inclusive, school-local).</summary>
    public DateTime To { get; init; } = new(2025, 5, 31);

    /// <summary>The seed: equal seeds (with equal other options) give identical data.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>
    /// Share (0–1) of timed entries — topics, homework, absences, current, written and period marks —
    /// entered after the deadline of the <c>lyceum68-ufa-2023</c> preset: the same day for the lesson
    /// records and current marks, 5 working days for written work (10 for Russian and literature),
    /// the period's last day for period marks. About a quarter of the late entries are observed by
    /// polling (<c>enteredAfter</c> before the deadline), so they are possible rather than certain breaches.
    /// </summary>
    public double LateEntryRate { get; init; } = 0.05;

    /// <summary>Share (0–1) of current and written marks corrected once after entry.</summary>
    public double RevisionRate { get; init; } = 0.02;

    /// <summary>Share (0–1) of student school days missed (in illness spells of one to five days).</summary>
    public double AbsenceRate { get; init; } = 0.05;

    /// <summary>Chance (0–1) that a present pupil (grade 2 and up) gets a current mark at a lesson.</summary>
    public double CurrentMarkRate { get; init; } = 0.15;

    /// <summary>
    /// Share (0–1) of schools with a 6-day week; each school draws its week from its own seed. A
    /// multi-school bundle has one school header and so one week: 6 when this is at least 0.5, else 5.
    /// </summary>
    public double SixDayWeekShare { get; init; } = 0.25;

    /// <summary>
    /// School vacations (каникулы); null means the usual Russian pattern for every academic year in
    /// range (<see cref="SyntheticSnapshotGenerator.StandardVacations"/>). Quarters are the school
    /// stretches between them.
    /// </summary>
    public IReadOnlyList<Vacation>? Vacations { get; init; }

    /// <summary>IANA time zone of the schools.</summary>
    public string TimeZone { get; init; } = "Asia/Yekaterinburg";

    /// <summary>Region written into the school header.</summary>
    public string Region { get; init; } = "Республика Башкортостан";

    /// <summary>Checks the values; called by the generator.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (Schools < 1 || Schools > 9_999)
        {
            throw new ArgumentOutOfRangeException(nameof(Schools), Schools, "Schools must be between 1 and 9999.");
        }

        if (StudentsPerSchool < 1 || StudentsPerSchool > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(StudentsPerSchool), StudentsPerSchool, "Students per school must be between 1 and 100000.");
        }

        if (To.Date < From.Date)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "The range ends ({0:yyyy-MM-dd}) before it starts ({1:yyyy-MM-dd}).", To, From),
                nameof(To));
        }

        Rate(LateEntryRate, nameof(LateEntryRate));
        Rate(RevisionRate, nameof(RevisionRate));
        Rate(AbsenceRate, nameof(AbsenceRate));
        Rate(CurrentMarkRate, nameof(CurrentMarkRate));
        Rate(SixDayWeekShare, nameof(SixDayWeekShare));
        if (AbsenceRate >= 0.9)
        {
            throw new ArgumentOutOfRangeException(nameof(AbsenceRate), AbsenceRate, "The absence rate must be below 0.9.");
        }

        if (string.IsNullOrWhiteSpace(TimeZone))
        {
            throw new ArgumentException("The time zone must not be empty.", nameof(TimeZone));
        }

        if (Vacations is not null)
        {
            foreach (var v in Vacations)
            {
                if (v is null || v.End.Date < v.Start.Date)
                {
                    throw new ArgumentException("Each vacation needs a start on or before its end.", nameof(Vacations));
                }
            }
        }
    }

    private static void Rate(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, name + " must be between 0 and 1.");
        }
    }
}
