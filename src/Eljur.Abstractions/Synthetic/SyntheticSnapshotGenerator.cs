using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Eljur.Abstractions.Time;

namespace Eljur.Abstractions.Synthetic;

/// <summary>
/// Generates realistic synthetic gradebook snapshots for benchmarks, demonstrations and tests:
/// schools with classes of grades 1–11 on the federal curriculum, 5- or 6-day timetables that skip
/// vacations and every day off of the Russian production calendar, lessons with times, topics and
/// homework, current, written, period marks, absences in illness spells, mark revisions, late
/// entries at a set rate, plans, accounts and logins, the operations log and the archive register.
/// </summary>
/// <remarks>
/// <para>Deterministic: the random numbers come from <c>SplitMix64</c> implemented here, never from
/// <see cref="Random"/>, and nothing depends on the machine (culture, clock, hash order), so equal
/// options give byte-identical snapshots on every runtime. Each school draws from its own stream
/// derived from the seed and its number, so school 3 is the same whether 3 or 300 schools are made.</para>
/// <para>Region scale. A snapshot describes one school, so several schools are offered two ways:
/// <see cref="Generate"/> returns one <em>bundle</em> snapshot holding every school's records (ids
/// prefixed per school, <c>s01-…</c>; subjects and periods shared) under one synthetic school header,
/// which is what a benchmark of 10^6 marks in one file needs; the header has one time zone and one
/// week, so in a bundle every school follows the bundle's week (see
/// <see cref="SyntheticSnapshotOptions.SixDayWeekShare"/>). <see cref="GenerateSchools"/> yields one
/// snapshot per school, each with its own week, generated lazily so that memory holds one school at
/// a time; that is the shape of a real regional check.</para>
/// <para>Memory: records are generated straight into the lists of the returned snapshot (no copy is
/// made when schools are bundled), and <see cref="Write"/> streams that model through
/// <see cref="SnapshotWriter"/>, so the JSON text is never held in memory.</para>
/// <para>Not generated: GIA results (the default range ends before the GIA season; the capability
/// is not declared, so GIA rules are reported as not evaluable). Classes keep their grade over a
/// range that spans several academic years.</para>
/// </remarks>
public static class SyntheticSnapshotGenerator
{
    /// <summary>
    /// The version of the generated data: raised whenever equal options would give different output,
    /// so that caches of generated files (the benchmarks keep some) know when to regenerate.
    /// </summary>
    public const int Version = 1;

    /// <summary>The connector id written into generated snapshots.</summary>
    public const string Connector = "synthetic";

    /// <summary>The capabilities a generated snapshot declares.</summary>
    public static IReadOnlyList<string> Capabilities { get; } = new[]
    {
        Capability.Lessons, Capability.Topics, Capability.Homework, Capability.Marks, Capability.Absences,
        Capability.Periods, Capability.Plans, Capability.Accounts, Capability.Logins, Capability.Operations,
        Capability.Archive, Capability.Consents, Capability.EntryTimes, Capability.Revisions, Capability.Authors,
        Capability.LessonTimes,
    };

    /// <summary>
    /// Generates one snapshot: a single school, or for several schools a bundle of all their records
    /// under one school header (see the remarks of <see cref="SyntheticSnapshotGenerator"/>).
    /// </summary>
    /// <param name="options">What to generate.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="CalendarYearMissingException">The range needs a year the production calendar has no data for.</exception>
    public static GradebookSnapshot Generate(SyntheticSnapshotOptions options)
    {
        var plan = Prepare(options);
        if (options.Schools == 1)
        {
            return GenerateSchool(plan, 0, WorkWeekOf(options, 0));
        }

        var sink = new Sink();
        var week = options.SixDayWeekShare >= 0.5 ? 6 : 5;
        for (var k = 0; k < options.Schools; k++)
        {
            new SchoolBuilder(plan, k, week, sink).Build();
        }

        var header = new School
        {
            Id = "region-" + options.Seed.ToString(CultureInfo.InvariantCulture),
            Name = "Синтетический регион: " + Evaluation.RussianText.Count(options.Schools, "школа", "школы", "школ"),
            TimeZone = options.TimeZone,
            WorkWeek = week,
            Region = options.Region,
        };
        return sink.ToSnapshot(plan, header, "region");
    }

    /// <summary>
    /// Generates one snapshot per school, lazily: each is built when the enumeration reaches it, so
    /// memory holds one school at a time. Each school has its own week (see
    /// <see cref="SyntheticSnapshotOptions.SixDayWeekShare"/>).
    /// </summary>
    /// <param name="options">What to generate.</param>
    /// <returns>The snapshots, in school order.</returns>
    /// <exception cref="ArgumentException">An option is out of range (thrown at once).</exception>
    public static IEnumerable<GradebookSnapshot> GenerateSchools(SyntheticSnapshotOptions options)
    {
        var plan = Prepare(options);
        return Iterate(plan);

        static IEnumerable<GradebookSnapshot> Iterate(GenerationPlan plan)
        {
            for (var k = 0; k < plan.Options.Schools; k++)
            {
                yield return GenerateSchool(plan, k, WorkWeekOf(plan.Options, k));
            }
        }
    }

    /// <summary>
    /// Generates a snapshot as <see cref="Generate"/> does and writes it to a stream (UTF-8 JSON,
    /// <c>eljur.snapshot/1</c>) record by record: the model is held once and the text never.
    /// </summary>
    /// <param name="options">What to generate.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="indented">Indent (the default of <see cref="SnapshotWriter"/>) or write compactly.</param>
    /// <returns>The number of marks written.</returns>
    public static int Write(SyntheticSnapshotOptions options, Stream stream, bool indented = true)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        var snapshot = Generate(options);
        SnapshotWriter.Write(snapshot, stream, indented);
        return snapshot.Marks?.Count ?? 0;
    }

    /// <summary>The week (5 or 6 days) school <paramref name="schoolIndex"/> draws when generated on its own.</summary>
    /// <param name="options">The options.</param>
    /// <param name="schoolIndex">0-based school number.</param>
    /// <returns>5 or 6.</returns>
    public static int WorkWeekOf(SyntheticSnapshotOptions options, int schoolIndex)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var rng = new SyntheticRandom(SyntheticRandom.Derive(options.Seed, -1 - schoolIndex));
        return rng.NextDouble() < options.SixDayWeekShare ? 6 : 5;
    }

    /// <summary>
    /// The usual Russian school vacations of every academic year (September to August) the range
    /// touches, whole, so that the quarters between them are whole too: autumn
    /// 26 October – 3 November, winter 29 December – 8 January, spring 22–30 March, summer 27 May –
    /// 31 August. (Regions differ by a few days; this is a fixed, plausible pattern.)
    /// </summary>
    /// <param name="from">First date.</param>
    /// <param name="to">Last date.</param>
    /// <returns>The vacations, in date order.</returns>
    public static IReadOnlyList<Vacation> StandardVacations(DateTime from, DateTime to)
    {
        var list = new List<Vacation>();
        if (to < from)
        {
            throw new ArgumentException("The range ends before it starts.", nameof(to));
        }

        for (var year = AcademicYear(from); year <= AcademicYear(to); year++)
        {
            list.Add(new Vacation { Start = new DateTime(year, 10, 26), End = new DateTime(year, 11, 3), Name = "Осенние каникулы" });
            list.Add(new Vacation { Start = new DateTime(year, 12, 29), End = new DateTime(year + 1, 1, 8), Name = "Зимние каникулы" });
            list.Add(new Vacation { Start = new DateTime(year + 1, 3, 22), End = new DateTime(year + 1, 3, 30), Name = "Весенние каникулы" });
            list.Add(new Vacation { Start = new DateTime(year + 1, 5, 27), End = new DateTime(year + 1, 8, 31), Name = "Летние каникулы" });
        }

        return list;
    }

    /// <summary>The year an academic year starts in (September to August).</summary>
    internal static int AcademicYear(DateTime date) => date.Month >= 9 ? date.Year : date.Year - 1;

    private static GradebookSnapshot GenerateSchool(GenerationPlan plan, int index, int week)
    {
        var sink = new Sink();
        var builder = new SchoolBuilder(plan, index, week, sink);
        builder.Build();
        return sink.ToSnapshot(plan, builder.Header, builder.Prefix.TrimEnd('-'));
    }

    private static GenerationPlan Prepare(SyntheticSnapshotOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Validate();
        var from = DateTime.SpecifyKind(options.From.Date, DateTimeKind.Unspecified);
        var to = DateTime.SpecifyKind(options.To.Date, DateTimeKind.Unspecified);
        var calendar = ProductionCalendar.Russia;

        // Written work near the end of the range is due some working days later.
        for (var year = from.Year; year <= to.AddDays(30).Year; year++)
        {
            if (!calendar.Covers(year))
            {
                throw new CalendarYearMissingException(year);
            }
        }

        var vacations = options.Vacations ?? StandardVacations(from, to);
        var periods = Periods(vacations, from, to);
        return new GenerationPlan(options, from, to, calendar, SchoolTimeZone.Resolve(options.TimeZone), vacations, periods);
    }

    /// <summary>The school stretches between vacations of each academic year overlapping the range.</summary>
    private static List<Period> Periods(IReadOnlyList<Vacation> vacations, DateTime from, DateTime to)
    {
        var result = new List<Period>();
        for (var year = AcademicYear(from); year <= AcademicYear(to); year++)
        {
            var first = new DateTime(year, 9, 1);
            var last = new DateTime(year + 1, 5, 31);
            var stretches = new List<(DateTime Start, DateTime End)>();
            DateTime? start = null;
            for (var d = first; d <= last; d = d.AddDays(1))
            {
                var off = InVacation(vacations, d);
                if (!off && start is null)
                {
                    start = d;
                }
                else if (off && start is { } s)
                {
                    stretches.Add((s, d.AddDays(-1)));
                    start = null;
                }
            }

            if (start is { } open)
            {
                stretches.Add((open, last));
            }

            var kind = stretches.Count switch { 4 => PeriodKind.Quarter, 3 => PeriodKind.Trimester, 2 => PeriodKind.HalfYear, _ => PeriodKind.Year };
            var word = kind switch { PeriodKind.Quarter => "четверть", PeriodKind.Trimester => "триместр", PeriodKind.HalfYear => "полугодие", _ => "учебный период" };
            var code = kind switch { PeriodKind.Quarter => "q", PeriodKind.Trimester => "t", PeriodKind.HalfYear => "h", _ => "p" };
            for (var i = 0; i < stretches.Count; i++)
            {
                var (s, e) = stretches[i];
                if (e < from || s > to)
                {
                    continue;
                }

                result.Add(new Period
                {
                    Id = string.Format(CultureInfo.InvariantCulture, "{0}-{1}{2}", year, code, i + 1),
                    Name = string.Format(CultureInfo.InvariantCulture, "{0} {1} {2}/{3}", i + 1, word, year, year + 1),
                    Kind = kind,
                    Start = s,
                    End = e,
                });
            }
        }

        return result;
    }

    private static bool InVacation(IReadOnlyList<Vacation> vacations, DateTime date)
    {
        for (var i = 0; i < vacations.Count; i++)
        {
            if (date >= vacations[i].Start.Date && date <= vacations[i].End.Date)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The validated options and what every school shares.</summary>
    internal sealed class GenerationPlan
    {
        public GenerationPlan(SyntheticSnapshotOptions options, DateTime from, DateTime to, ProductionCalendar calendar, TimeZoneInfo zone, IReadOnlyList<Vacation> vacations, List<Period> periods)
        {
            Options = options;
            From = from;
            To = to;
            Calendar = calendar;
            Zone = zone;
            Vacations = vacations;
            Periods = periods;
            var days = (int)(to - from).TotalDays + 1;
            IsVacation = new bool[days];
            for (var i = 0; i < days; i++)
            {
                IsVacation[i] = InVacation(vacations, from.AddDays(i));
            }
        }

        public SyntheticSnapshotOptions Options { get; }

        public DateTime From { get; }

        public DateTime To { get; }

        public ProductionCalendar Calendar { get; }

        public TimeZoneInfo Zone { get; }

        public IReadOnlyList<Vacation> Vacations { get; }

        public List<Period> Periods { get; }

        /// <summary>Per day of the range (0 = <see cref="From"/>): a school vacation.</summary>
        public bool[] IsVacation { get; }
    }

    /// <summary>The lists records are generated into.</summary>
    internal sealed class Sink
    {
        public List<SchoolClass> Classes { get; } = new();

        public List<Student> Students { get; } = new();

        public List<StaffMember> Staff { get; } = new();

        public List<Lesson> Lessons { get; } = new();

        public List<Absence> Absences { get; } = new();

        public List<Mark> Marks { get; } = new();

        public List<Plan> Plans { get; } = new();

        public List<Account> Accounts { get; } = new();

        public List<Login> Logins { get; } = new();

        public List<Operation> Operations { get; } = new();

        public List<ArchiveRecord> Archive { get; } = new();

        public GradebookSnapshot ToSnapshot(GenerationPlan plan, School school, string instance)
        {
            var subjects = new List<Subject>(SyntheticCurriculum.Subjects.Length);
            foreach (var s in SyntheticCurriculum.Subjects)
            {
                subjects.Add(new Subject { Id = s.Id, Name = s.Name });
            }

            var fetched = plan.To.AddDays(1).AddHours(6);
            return new GradebookSnapshot
            {
                Source = new SnapshotSource
                {
                    Connector = Connector,
                    Instance = instance.Length == 0 ? null : instance,
                    FetchedAt = new DateTimeOffset(fetched, plan.Zone.GetUtcOffset(fetched)),
                    From = plan.From,
                    To = plan.To,
                    Capabilities = Capabilities,
                },
                School = school,
                Periods = plan.Periods,
                Holidays = new List<Vacation>(plan.Vacations),
                Subjects = subjects,
                Classes = Classes,
                Students = Students,
                Staff = Staff,
                Lessons = Lessons,
                Absences = Absences,
                Marks = Marks,
                Plans = Plans,
                Accounts = Accounts,
                Logins = Logins,
                Operations = Operations,
                Archive = Archive,
            };
        }
    }
}
