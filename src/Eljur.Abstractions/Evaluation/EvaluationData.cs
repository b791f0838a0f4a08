using System;
using System.Collections.Generic;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Time;

namespace Eljur.Abstractions.Evaluation;

/// <summary>
/// The snapshot prepared for evaluation: the scope (range and as-of moment) and indexes built once,
/// on first use, and shared by every rule of the policy, so that no rule joins lists quadratically.
/// </summary>
public sealed class EvaluationData
{
    private readonly Lazy<Dictionary<string, Lesson>> _lessonsById;
    private readonly Lazy<Dictionary<string, Student>> _studentsById;
    private readonly Lazy<Dictionary<string, StaffMember>> _staffById;
    private readonly Lazy<Dictionary<string, Subject>> _subjectsById;
    private readonly Lazy<Dictionary<string, SchoolClass>> _classesById;
    private readonly Lazy<Dictionary<string, Period>> _periodsById;
    private readonly Lazy<List<Lesson>> _lessonsInScope;
    private readonly Lazy<MarkScope> _marksInScope;
    private readonly Lazy<List<Absence>> _absencesInScope;
    private readonly Lazy<Dictionary<(string ClassId, DateTime Date), TimeSpan>> _lastLessonEnd;
    private readonly Lazy<HashSet<string>> _lessonsWithMarks;
    private readonly Lazy<HashSet<string>> _lessonsWithAbsences;
    private readonly Dictionary<string, object> _shared = new(StringComparer.Ordinal);
    private ResponsibilityIndex? _responsibility;

    /// <summary>Prepares a snapshot for evaluation.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="clock">The school's clock.</param>
    /// <param name="from">First date in scope.</param>
    /// <param name="to">Last date in scope.</param>
    /// <param name="asOf">The as-of moment.</param>
    public EvaluationData(GradebookSnapshot snapshot, SchoolClock clock, DateTime from, DateTime to, DateTimeOffset asOf)
    {
        Snapshot = snapshot ?? throw new ArgumentNullException(nameof(snapshot));
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
        From = from.Date;
        To = to.Date;
        AsOf = clock.ToSchoolTime(asOf);
        AsOfDate = AsOf.Date;
        Capabilities = new CapabilitySet(snapshot.Source.Capabilities);

        _lessonsById = new(() => Index(Lessons, l => l.Id));
        _studentsById = new(() => Index(Students, s => s.Id));
        _staffById = new(() => Index(Staff, s => s.Id));
        _subjectsById = new(() => Index(Subjects, s => s.Id));
        _classesById = new(() => Index(Classes, c => c.Id));
        _periodsById = new(() => Index(Periods, p => p.Id));
        _lessonsInScope = new(() =>
        {
            var list = new List<Lesson>();
            foreach (var l in Lessons)
            {
                if (l.IsHeld && InScope(l.Date))
                {
                    list.Add(l);
                }
            }

            return list;
        });
        _marksInScope = new(() =>
        {
            // A snapshot the reader built keeps its compact entry table, computed against its own lessons
            // on the first evaluation; a snapshot built in code (or given other lessons) gets its table
            // here, in one pass, every time.
            var marks = Marks;
            var table = marks is Snapshots.SnapshotMarkList read && ReferenceEquals(read.Lessons, Snapshot.Lessons)
                ? read.Table
                : MarkEntryTable.Build(marks, Snapshot.Lessons);
            return new MarkScope(table, From, To < AsOfDate ? To : AsOfDate);
        });
        _absencesInScope = new(() =>
        {
            var list = new List<Absence>();
            Lesson? lesson = null;
            foreach (var a in Absences)
            {
                // The absences of one lesson usually come together with one id instance: one look-up for them.
                if (lesson is null || !ReferenceEquals(lesson.Id, a.LessonId))
                {
                    lesson = FindLesson(a.LessonId);
                }

                if (lesson is not null && lesson.IsHeld && InScope(lesson.Date))
                {
                    list.Add(a);
                }
            }

            return list;
        });
        _lastLessonEnd = new(() =>
        {
            var map = new Dictionary<(string, DateTime), TimeSpan>();
            foreach (var l in Lessons)
            {
                if (l.IsHeld && l.End is { } end)
                {
                    var key = (l.ClassId, l.Date.Date);
                    if (!map.TryGetValue(key, out var current) || end > current)
                    {
                        map[key] = end;
                    }
                }
            }

            return map;
        });
        _lessonsWithMarks = new(() =>
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in Marks)
            {
                if (m.LessonId is not null)
                {
                    set.Add(m.LessonId);
                }
            }

            return set;
        });
        _lessonsWithAbsences = new(() =>
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var a in Absences)
            {
                set.Add(a.LessonId);
            }

            return set;
        });
    }

    /// <summary>What the evaluation learned about the production calendar (for the report's warnings).</summary>
    internal CalendarNotes CalendarNotes { get; } = new();

    /// <summary>The snapshot.</summary>
    public GradebookSnapshot Snapshot { get; }

    /// <summary>The school's clock (time zone, week, calendar).</summary>
    public SchoolClock Clock { get; }

    /// <summary>First date in scope.</summary>
    public DateTime From { get; }

    /// <summary>Last date in scope.</summary>
    public DateTime To { get; }

    /// <summary>The as-of moment, in the school's offset.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The school-local date of <see cref="AsOf"/>.</summary>
    public DateTime AsOfDate { get; }

    /// <summary>The capabilities the snapshot's source declared.</summary>
    public CapabilitySet Capabilities { get; }

    /// <summary>All lessons (empty when absent).</summary>
    public IReadOnlyList<Lesson> Lessons => Snapshot.Lessons ?? Array.Empty<Lesson>();

    /// <summary>All marks (empty when absent).</summary>
    public IReadOnlyList<Mark> Marks => Snapshot.Marks ?? Array.Empty<Mark>();

    /// <summary>All absences (empty when absent).</summary>
    public IReadOnlyList<Absence> Absences => Snapshot.Absences ?? Array.Empty<Absence>();

    /// <summary>All students (empty when absent).</summary>
    public IReadOnlyList<Student> Students => Snapshot.Students ?? Array.Empty<Student>();

    /// <summary>All staff (empty when absent).</summary>
    public IReadOnlyList<StaffMember> Staff => Snapshot.Staff ?? Array.Empty<StaffMember>();

    /// <summary>All subjects (empty when absent).</summary>
    public IReadOnlyList<Subject> Subjects => Snapshot.Subjects ?? Array.Empty<Subject>();

    /// <summary>All classes (empty when absent).</summary>
    public IReadOnlyList<SchoolClass> Classes => Snapshot.Classes ?? Array.Empty<SchoolClass>();

    /// <summary>All periods (empty when absent).</summary>
    public IReadOnlyList<Period> Periods => Snapshot.Periods ?? Array.Empty<Period>();

    /// <summary>Held lessons dated within the range and not after the as-of date.</summary>
    public IReadOnlyList<Lesson> LessonsInScope => _lessonsInScope.Value;

    /// <summary>Marks dated within the range and not after the as-of date, excluding marks of cancelled lessons.</summary>
    public IReadOnlyList<Mark> MarksInScope => _marksInScope.Value.All;

    /// <summary>
    /// The marks in scope of one kind as compact entries (date, subject, entry times), in snapshot order:
    /// what a deadline rule reads of every mark, without walking the mark records themselves.
    /// </summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The entries; empty for a kind no mark has.</returns>
    public MarkEntryList MarkEntriesInScope(MarkKind kind) => _marksInScope.Value.EntriesOfKind(kind);

    /// <summary>
    /// The marks in scope of one kind, in snapshot order. A rule about one kind reads these rather than
    /// every mark: the marks are partitioned once, in one pass, for every rule of the policy.
    /// </summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The marks; empty for a kind no mark has.</returns>
    public IReadOnlyList<Mark> MarksInScopeOfKind(MarkKind kind) => _marksInScope.Value.MarksOfKind(kind);

    /// <summary>
    /// Every mark of two kinds, in scope or not, in snapshot order — read from the compact table's runs
    /// of those kinds, so the marks of other kinds are not touched (period-marks reads period and year
    /// marks this way).
    /// </summary>
    /// <param name="first">A kind.</param>
    /// <param name="second">Another kind.</param>
    /// <returns>The marks.</returns>
    internal IReadOnlyList<Mark> AllMarksOfKinds(MarkKind first, MarkKind second) => _marksInScope.Value.AllOfKinds(first, second);

    /// <summary>The marks in scope with at least one revision, in snapshot order.</summary>
    public IReadOnlyList<Mark> RevisedMarksInScope => _marksInScope.Value.Revised;

    /// <summary>Absences from held lessons in scope.</summary>
    public IReadOnlyList<Absence> AbsencesInScope => _absencesInScope.Value;

    /// <summary>Whether a date lies in the range and not after the as-of date.</summary>
    /// <param name="date">A school-local date.</param>
    /// <returns>True when in scope.</returns>
    public bool InScope(DateTime date) => date >= From && date <= To && date <= AsOfDate;

    /// <summary>Who must put a finding right: what a rule passes as the <c>responsible</c> of what it reports.</summary>
    public ResponsibilityIndex Responsibility => _responsibility ??= new ResponsibilityIndex(this);

    /// <summary>Finds a lesson by id.</summary>
    /// <param name="id">Lesson id.</param>
    /// <returns>The lesson or null.</returns>
    public Lesson? FindLesson(string? id) =>
        Snapshot.Lessons is Snapshots.SnapshotLessonList read
            ? (id is null ? null : read.Find(id))
            : Find(_lessonsById, id);

    /// <summary>Finds a student by id.</summary>
    /// <param name="id">Student id.</param>
    /// <returns>The student or null.</returns>
    public Student? FindStudent(string? id) => Find(_studentsById, id);

    /// <summary>Finds a staff member by id.</summary>
    /// <param name="id">Staff id.</param>
    /// <returns>The staff member or null.</returns>
    public StaffMember? FindStaff(string? id) => Find(_staffById, id);

    /// <summary>Finds a subject by id.</summary>
    /// <param name="id">Subject id.</param>
    /// <returns>The subject or null.</returns>
    public Subject? FindSubject(string? id) => Find(_subjectsById, id);

    /// <summary>Finds a class by id.</summary>
    /// <param name="id">Class id.</param>
    /// <returns>The class or null.</returns>
    public SchoolClass? FindClass(string? id) => Find(_classesById, id);

    /// <summary>Finds a period by id.</summary>
    /// <param name="id">Period id.</param>
    /// <returns>The period or null.</returns>
    public Period? FindPeriod(string? id) => Find(_periodsById, id);

    /// <summary>The end time of the last held lesson of a class on a date, when lesson times are known.</summary>
    /// <param name="classId">Class id.</param>
    /// <param name="date">Date.</param>
    /// <returns>The time of day, or null.</returns>
    public TimeSpan? LastLessonEnd(string classId, DateTime date) =>
        _lastLessonEnd.Value.TryGetValue((classId, date.Date), out var end) ? end : null;

    /// <summary>Whether any mark belongs to the lesson.</summary>
    /// <param name="lessonId">Lesson id.</param>
    /// <returns>True when a mark names it.</returns>
    public bool LessonHasMark(string lessonId) => _lessonsWithMarks.Value.Contains(lessonId);

    /// <summary>Whether any absence belongs to the lesson.</summary>
    /// <param name="lessonId">Lesson id.</param>
    /// <returns>True when an absence names it.</returns>
    public bool LessonHasAbsence(string lessonId) => _lessonsWithAbsences.Value.Contains(lessonId);

    /// <summary>
    /// A value derived from the data once per evaluation and shared by every rule that asks for it by
    /// the same key — for instance the student-subject pairs that two metrics count. Like the indexes
    /// of this class it is computed on first use; evaluation is single-threaded, and so is this cache.
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="key">A key naming the value and how it is computed, e.g. <c>student-subject-pairs</c>.</param>
    /// <param name="compute">Computes the value from this data, once.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">The key was used for a value of another type.</exception>
    public T Shared<T>(string key, Func<EvaluationData, T> compute)
        where T : class
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (compute is null)
        {
            throw new ArgumentNullException(nameof(compute));
        }

        if (_shared.TryGetValue(key, out var existing))
        {
            return existing as T ?? throw new InvalidOperationException($"The shared value \"{key}\" is a {existing.GetType().Name}, not a {typeof(T).Name}.");
        }

        var value = compute(this);
        _shared[key] = value;
        return value;
    }

    /// <summary>A short Russian description of a lesson for messages: «9А, Алгебра, 28.10.2024».</summary>
    /// <param name="lesson">The lesson.</param>
    /// <returns>Text.</returns>
    public string Describe(Lesson lesson) =>
        $"{FindClass(lesson.ClassId)?.Name ?? lesson.ClassId}, {FindSubject(lesson.SubjectId)?.Name ?? lesson.SubjectId}, {RussianText.Date(lesson.Date)}";

    /// <summary>
    /// The marks in scope, per kind on first request: a kind whose run of entries lies wholly in the
    /// range and has no mark of a cancelled lesson is taken as it is (no pass at all); otherwise its run
    /// is filtered once. Lists of <see cref="Mark"/> records are made only when a rule asks for them.
    /// </summary>
    private sealed class MarkScope
    {
        private readonly MarkEntryTable _table;
        private readonly int _firstDay;
        private readonly int _lastDay;
        private readonly MarkEntryList?[] _entryLists;
        private readonly IReadOnlyList<Mark>?[] _markLists;
        private IReadOnlyList<Mark>? _all;
        private List<Mark>? _revised;

        public MarkScope(MarkEntryTable table, DateTime first, DateTime last)
        {
            _table = table;
            _firstDay = (int)(first.Date.Ticks / TimeSpan.TicksPerDay);
            _lastDay = (int)(last.Date.Ticks / TimeSpan.TicksPerDay);
            _entryLists = new MarkEntryList?[MarkEntryTable.KindCount + 1];
            _markLists = new IReadOnlyList<Mark>?[MarkEntryTable.KindCount + 1];
        }

        /// <summary>Every mark in scope, in snapshot order: the snapshot's own list when no mark is left out.</summary>
        public IReadOnlyList<Mark> All => _all ??= CollectAll();

        /// <summary>The marks in scope with a revision, in snapshot order.</summary>
        public List<Mark> Revised => _revised ??= CollectRevised();

        public MarkEntryList EntriesOfKind(MarkKind kind)
        {
            var run = MarkEntryTable.RunOf(kind);
            if (run == MarkEntryTable.KindCount)
            {
                // Undefined kinds share one run; a rule asking for one gets none of them.
                return new MarkEntryList(_table, 0, null, 0);
            }

            return _entryLists[run] ??= Filter(run);
        }

        public IReadOnlyList<Mark> AllOfKinds(MarkKind first, MarkKind second)
        {
            var a = MarkEntryTable.RunOf(first);
            var b = MarkEntryTable.RunOf(second);
            var aEnd = a == MarkEntryTable.KindCount ? 0 : _table.RunStart[a + 1];
            var bEnd = b == MarkEntryTable.KindCount || b == a ? 0 : _table.RunStart[b + 1];
            var i = a == MarkEntryTable.KindCount ? 0 : _table.RunStart[a];
            var j = b == MarkEntryTable.KindCount || b == a ? 0 : _table.RunStart[b];
            var index = _table.MarkIndex;
            var result = new Mark[(aEnd - i) + (bEnd - j)];
            for (var n = 0; n < result.Length; n++)
            {
                // Merge the two runs back into snapshot order.
                var takeA = j >= bEnd || (i < aEnd && index[i] < index[j]);
                result[n] = _table.Marks[takeA ? index[i++] : index[j++]];
            }

            return result;
        }

        public IReadOnlyList<Mark> MarksOfKind(MarkKind kind)
        {
            var run = MarkEntryTable.RunOf(kind);
            if (run == MarkEntryTable.KindCount)
            {
                return Array.Empty<Mark>();
            }

            if (_markLists[run] is { } existing)
            {
                return existing;
            }

            var entries = EntriesOfKind(kind);
            var list = new Mark[entries.Count];
            for (var i = 0; i < list.Length; i++)
            {
                list[i] = entries.MarkAt(i);
            }

            _markLists[run] = list;
            return list;
        }

        private bool WholeRunInScope(int run) =>
            _table.CancelledInRun[run] == 0 && _table.FirstDay[run] >= _firstDay && _table.LastDay[run] <= _lastDay;

        private bool InScope(in MarkEntry e) => e.Day >= _firstDay && e.Day <= _lastDay && !e.LessonCancelled;

        private MarkEntryList Filter(int run)
        {
            var start = _table.RunStart[run];
            var count = _table.RunStart[run + 1] - start;
            if (count == 0 || WholeRunInScope(run))
            {
                return new MarkEntryList(_table, start, null, count);
            }

            var entries = _table.Entries;
            var positions = new List<int>();
            for (var i = start; i < start + count; i++)
            {
                if (InScope(in entries[i]))
                {
                    positions.Add(i);
                }
            }

            return new MarkEntryList(_table, 0, positions.ToArray(), positions.Count);
        }

        private IReadOnlyList<Mark> CollectAll()
        {
            var runs = MarkEntryTable.KindCount + 1;
            var everything = true;
            for (var run = 0; run < runs && everything; run++)
            {
                everything = _table.RunStart[run + 1] == _table.RunStart[run] || WholeRunInScope(run);
            }

            if (everything)
            {
                return _table.Marks;
            }

            // Mark positions in scope, back in snapshot order.
            var inScope = new bool[_table.Marks.Count];
            var entries = _table.Entries;
            for (var i = 0; i < entries.Length; i++)
            {
                inScope[_table.MarkIndex[i]] = InScope(in entries[i]);
            }

            var all = new List<Mark>(inScope.Length);
            for (var i = 0; i < inScope.Length; i++)
            {
                if (inScope[i])
                {
                    all.Add(_table.Marks[i]);
                }
            }

            return all;
        }

        private List<Mark> CollectRevised()
        {
            var revised = new List<Mark>();
            foreach (var at in _table.Revised)
            {
                if (InScope(in _table.Entries[at]))
                {
                    revised.Add(_table.Marks[_table.MarkIndex[at]]);
                }
            }

            return revised;
        }
    }

    private static Dictionary<string, T> Index<T>(IReadOnlyList<T> items, Func<T, string> key)
    {
        var map = new Dictionary<string, T>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
        {
            map[key(item)] = item;
        }

        return map;
    }

    private static T? Find<T>(Lazy<Dictionary<string, T>> index, string? id)
        where T : class => id is not null && index.Value.TryGetValue(id, out var v) ? v : null;
}
