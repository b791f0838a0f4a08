using System.Collections.Generic;

namespace Eljur.Abstractions.Model;

/// <summary>
/// Everything a connector fetched for one school over one date range: the in-memory form of an
/// <c>eljur.snapshot/1</c> document. A list is <see langword="null"/> when the document did not
/// contain it; whether that means "none" or "unknown" is said by <see cref="SnapshotSource.Capabilities"/>.
/// </summary>
public sealed record GradebookSnapshot : SnapshotRecord
{
    /// <summary>The format identifier written into every snapshot.</summary>
    public const string FormatId = "eljur.snapshot/1";

    /// <summary>The document format; always <see cref="FormatId"/>.</summary>
    public string Format { get; init; } = FormatId;

    /// <summary>Where the data came from and what the source could provide.</summary>
    public SnapshotSource Source { get; init; } = new();

    /// <summary>The school the data belongs to.</summary>
    public School School { get; init; } = new();

    /// <summary>Academic periods (quarters, trimesters, half-years, the year).</summary>
    public IReadOnlyList<Period>? Periods { get; init; }

    /// <summary>School vacations (каникулы). They do not change working days.</summary>
    public IReadOnlyList<Vacation>? Holidays { get; init; }

    /// <summary>Subjects taught.</summary>
    public IReadOnlyList<Subject>? Subjects { get; init; }

    /// <summary>Classes of the school.</summary>
    public IReadOnlyList<SchoolClass>? Classes { get; init; }

    /// <summary>Students.</summary>
    public IReadOnlyList<Student>? Students { get; init; }

    /// <summary>Teachers, class teachers and administration.</summary>
    public IReadOnlyList<StaffMember>? Staff { get; init; }

    /// <summary>Lessons with topics and homework.</summary>
    public IReadOnlyList<Lesson>? Lessons { get; init; }

    /// <summary>Absences and late arrivals.</summary>
    public IReadOnlyList<Absence>? Absences { get; init; }

    /// <summary>Marks of every kind, with their revision history where known.</summary>
    public IReadOnlyList<Mark>? Marks { get; init; }

    /// <summary>Calendar-thematic plans (КТП).</summary>
    public IReadOnlyList<Plan>? Plans { get; init; }

    /// <summary>State final attestation (ГИА) results.</summary>
    public IReadOnlyList<GiaResult>? GiaResults { get; init; }

    /// <summary>User accounts of the e-journal.</summary>
    public IReadOnlyList<Account>? Accounts { get; init; }

    /// <summary>Logins into those accounts.</summary>
    public IReadOnlyList<Login>? Logins { get; init; }

    /// <summary>The school's own log of backups, archiving, exports and printing.</summary>
    public IReadOnlyList<Operation>? Operations { get; init; }

    /// <summary>The archive register.</summary>
    public IReadOnlyList<ArchiveRecord>? Archive { get; init; }
}
