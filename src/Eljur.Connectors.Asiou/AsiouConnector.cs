using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Time;
using Eljur.Connectors.Asiou.Mapping;
using Microsoft.Extensions.Logging;

namespace Eljur.Connectors.Asiou;

/// <summary>
/// The АСИОУ «Школа» connector: reads the student list, then the journal, then the marks export
/// from <see cref="AsiouOptions.ExportDirectory"/>, row by row, through the column mapping, and
/// builds the snapshot. Any bad row fails the whole fetch with a <see cref="ConnectorException"/>
/// (<see cref="ConnectorFailureKind.Input"/>) naming the file, line and column.
/// </summary>
internal sealed class AsiouConnector : IGradebookConnector
{
    internal const string ConnectorId = "asiou";

    private const int ProgressEvery = 10_000;

    private static readonly Action<ILogger, string, string, int, int, bool, Exception?> FileRead =
        LoggerMessage.Define<string, string, int, int, bool>(
            LogLevel.Information, new EventId(1, "FileRead"),
            "АСИОУ: read {File} ({Format}): {Rows} rows, {Blank} blank lines skipped, summary row skipped: {Summary}");

    private static readonly Action<ILogger, string, int, int, Exception?> OutOfRange =
        LoggerMessage.Define<string, int, int>(
            LogLevel.Information, new EventId(2, "OutOfRange"),
            "АСИОУ: {File}: {Outside} rows outside the requested dates or classes, {Kept} imported");

    private readonly AsiouOptions _options;
    private readonly AsiouMapping _mapping;
    private readonly ILogger _log;
    private readonly TimeProvider _clock;
    private readonly TimeZoneInfo _zone;
    private readonly IReadOnlyList<string> _capabilities;

    public AsiouConnector(AsiouOptions options, ILoggerFactory loggers, TimeProvider clock)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _log = loggers.CreateLogger("Eljur.Connectors.Asiou");
        _clock = clock;
        _zone = SchoolTimeZone.Resolve(options.TimeZone);
        try
        {
            _mapping = AsiouMapping.Load(options.MappingFile);
        }
        catch (AsiouMappingException ex)
        {
            throw new ConnectorException(ConnectorId, ex.Origin, ex.Reason, ConnectorFailureKind.Input, inner: ex);
        }

        _capabilities = _mapping.Capabilities();
    }

    public string Id => ConnectorId;

    /// <summary>What the mapped columns provide (see <see cref="AsiouMapping.Capabilities"/>).</summary>
    public IReadOnlyList<string> Capabilities => _capabilities;

    public Task<GradebookSnapshot> FetchAsync(FetchRequest request, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (request.To.Date < request.From.Date)
        {
            throw new ArgumentException($"The range ends ({request.To:yyyy-MM-dd}) before it starts ({request.From:yyyy-MM-dd}).", nameof(request));
        }

        // File reading is synchronous and CPU-bound; run it off the caller's thread.
        return Task.Run(() => Fetch(request, progress, cancellationToken), cancellationToken);
    }

    private GradebookSnapshot Fetch(FetchRequest request, IProgress<FetchProgress>? progress, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var files = new Dictionary<ExportKind, string>();
        foreach (var kind in _mapping.Exports.Keys)
        {
            files[kind] = Locate(kind);
        }

        using var build = new Build(this, request, progress, ct);
        if (files.TryGetValue(ExportKind.Students, out var students))
        {
            build.ReadStudents(students);
        }

        if (files.TryGetValue(ExportKind.Journal, out var journal))
        {
            build.ReadJournal(journal);
        }

        if (files.TryGetValue(ExportKind.Marks, out var marks))
        {
            build.ReadMarks(marks);
        }

        ct.ThrowIfCancellationRequested();
        return build.Snapshot();
    }

    /// <summary>An export in a message, in the genitive: «нет выгрузки журнала».</summary>
    private static string ExportName(ExportKind kind) => kind switch
    {
        ExportKind.Journal => "журнала",
        ExportKind.Marks => "отметок",
        _ => "списка учащихся",
    };

    /// <summary>The one file of <see cref="AsiouOptions.ExportDirectory"/> matching the export's pattern.</summary>
    private string Locate(ExportKind kind)
    {
        var pattern = kind switch
        {
            ExportKind.Journal => _options.JournalFilePattern,
            ExportKind.Marks => _options.MarksFilePattern,
            _ => _options.StudentsFilePattern,
        };
        var key = AsiouMapping.Key(kind);
        var matches = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var one in AsiouOptions.SplitPattern(pattern))
            {
                matches.UnionWith(Directory.GetFiles(_options.ExportDirectory!, one, SearchOption.TopDirectoryOnly));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConnectorException(ConnectorId, pattern, $"папка выгрузок не читается: «{ex.Message}»", ConnectorFailureKind.Input, inner: ex);
        }

        if (matches.Count == 0)
        {
            throw new ConnectorException(ConnectorId, pattern, $"нет выгрузки {ExportName(kind)}: в папке выгрузок нет файла по шаблону {pattern} (выгрузка \"{key}\" задана в сопоставлении; если школа её не делает, укажите там \"{key}\": null)", ConnectorFailureKind.Input);
        }

        if (matches.Count > 1)
        {
            throw new ConnectorException(ConnectorId, pattern, $"под шаблон выгрузки {ExportName(kind)} {pattern} {RussianText.Plural(matches.Count, "подходит", "подходят", "подходят")} {RussianText.Count(matches.Count, "файл", "файла", "файлов")} ({string.Join(", ", matches.Select(Path.GetFileName))}); оставьте в папке один или измените шаблон так, чтобы подходил ровно один", ConnectorFailureKind.Input);
        }

        return matches.Min!;
    }

    /// <summary>A student with the line that listed it, the class name, and whether the request selects the class.</summary>
    private sealed record Listed(Student Student, int Line, string ClassName, bool Selected);

    /// <summary>The state of one fetch.</summary>
    private sealed class Build : IDisposable
    {
        private readonly AsiouConnector _c;
        private readonly AsiouMapping _m;
        private readonly FetchRequest _request;
        private readonly IProgress<FetchProgress>? _progress;
        private readonly CancellationToken _ct;
        private readonly StableIds _ids = new();
        private readonly HashSet<string>? _classFilter;

        private readonly Dictionary<string, SchoolClass> _classes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Subject> _subjects = new(StringComparer.Ordinal);
        private readonly Dictionary<string, StaffMember> _staff = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Listed> _students = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _studentsByName = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _lessonLines = new(StringComparer.Ordinal);
        private readonly List<Lesson> _lessons = new();

        // (class id, subject id, date) → lessons of that day, in lesson-number order.
        private readonly Dictionary<(string, string, DateTime), List<(int Number, string Id)>> _lessonIndex = new();
        private readonly Dictionary<ulong, int> _markOccurrences = new();
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
        private readonly HashSet<string> _absenceKeys = new(StringComparer.Ordinal);
        private readonly List<Mark> _marks = new();
        private readonly Dictionary<string, string> _subjectCells = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _studentCells = new(StringComparer.Ordinal);
        private readonly List<Absence> _absences = new();
        private readonly string[] _dateFormats;
        private readonly string[] _timestampFormats;
        private bool _studentsListed;

        public Build(AsiouConnector connector, FetchRequest request, IProgress<FetchProgress>? progress, CancellationToken ct)
        {
            _c = connector;
            _m = connector._mapping;
            _request = request;
            _progress = progress;
            _ct = ct;
            _dateFormats = _m.DateFormats.ToArray();
            _timestampFormats = _m.TimestampFormats.ToArray();
            if (request.Classes is { Count: > 0 } classes)
            {
                _classFilter = new HashSet<string>(classes.Select(StableIds.Normalize), StringComparer.Ordinal);
            }
        }

        public void Dispose() => _ids.Dispose();

        private bool ClassSelected(string className) => _classFilter is null || _classFilter.Contains(StableIds.Normalize(className));

        private bool InRange(DateTime date) => date >= _request.From.Date && date <= _request.To.Date;

        private ExportReader Open(string path, ExportKind kind)
        {
            var reader = ExportReader.Open(path, _m, kind, _c._options);
            _progress?.Report(new FetchProgress(reader.FileName, 0, 0));
            return reader;
        }

        private void Row(ExportReader reader)
        {
            _ct.ThrowIfCancellationRequested();
            if (reader.Rows % ProgressEvery == 0)
            {
                _progress?.Report(new FetchProgress(reader.FileName, reader.Rows, 0));
            }
        }

        private void Done(ExportReader reader, int outside)
        {
            FileRead(_c._log, reader.FileName, reader.Format, reader.Rows, reader.BlankLines, reader.SkippedSummary, null);
            if (outside > 0)
            {
                OutOfRange(_c._log, reader.FileName, outside, reader.Rows - outside, null);
            }
        }

        public void ReadStudents(string path)
        {
            _studentsListed = true;
            using var r = Open(path, ExportKind.Students);
            var outside = 0;
            while (r.Read())
            {
                Row(r);
                var name = Required(r, "student");
                var className = Required(r, "class");
                var enrolled = OptionalDate(r, "enrolledOn");
                var left = OptionalDate(r, "leftOn");
                if (enrolled is { } e && left is { } l && l < e)
                {
                    throw r.Fail("leftOn", $"дата выбытия {Day(l)} раньше даты зачисления {Day(e)}");
                }

                bool? consent = null;
                if (r.Get("consent") is { } cell)
                {
                    if (!_m.ConsentValues.TryGetValue(AsiouMapping.Normalize(cell), out consent))
                    {
                        throw r.Fail("consent", $"«{cell}» — не значение согласия из сопоставления (известны: {Known(_m.ConsentValues.Keys)}); добавьте его в \"students.consentValues\"");
                    }
                }

                var id = _ids.Student(name, className);
                if (_students.TryGetValue(id, out var first))
                {
                    throw r.Fail("student", $"ученик «{name}» класса «{className}» указан дважды (первый раз — {ExportReader.At(first.Line)})");
                }

                var selected = ClassSelected(className);
                if (!selected)
                {
                    outside++;
                }

                var student = new Student
                {
                    Id = id,
                    Name = name,
                    ClassId = selected ? ClassOf(className) : _ids.Class(className),
                    EnrolledOn = enrolled,
                    LeftOn = left,
                    Consent = consent,
                };
                _students[id] = new Listed(student, r.Line, className, selected);
                IndexByName(name, id);
            }

            Done(r, outside);
        }

        public void ReadJournal(string path)
        {
            using var r = Open(path, ExportKind.Journal);
            var outside = 0;
            while (r.Read())
            {
                Row(r);
                var className = Required(r, "class");
                var subject = Required(r, "subject");
                var date = RequiredDate(r, "date");
                var numberText = Required(r, "lessonNumber");
                if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 0 || number > 20)
                {
                    throw r.Fail("lessonNumber", $"«{numberText}» — не номер урока (ожидается число от 0 до 20)");
                }

                var teacher = Required(r, "teacher");
                var topic = Optional(r, "topic");
                var homework = Optional(r, "homework");
                if (!InRange(date) || !ClassSelected(className))
                {
                    outside++;
                    continue;
                }

                var id = _ids.Lesson(className, date, number, subject, teacher);
                if (_lessonLines.TryGetValue(id, out var firstLine))
                {
                    throw r.Fail("lessonNumber", $"урок {number} за {Day(date)} по предмету «{subject}» у класса «{className}» (учитель «{teacher}») указан дважды (первый раз — {ExportReader.At(firstLine)})");
                }

                _lessonLines[id] = r.Line;
                var classId = ClassOf(className);
                var subjectId = SubjectOf(subject);
                var lesson = new Lesson
                {
                    Id = id,
                    ClassId = classId,
                    SubjectId = subjectId,
                    TeacherId = TeacherOf(teacher),
                    Date = date,
                    Kind = LessonKind.Regular,
                    Topic = topic,
                    Homework = homework,
                };
                _lessons.Add(lesson);
                var key = (classId, subjectId, date);
                if (!_lessonIndex.TryGetValue(key, out var day))
                {
                    _lessonIndex[key] = day = new List<(int, string)>(1);
                }

                day.Add((number, id));
                day.Sort((a, b) => a.Number.CompareTo(b.Number));
            }

            Done(r, outside);
        }

        public void ReadMarks(string path)
        {
            using var r = Open(path, ExportKind.Marks);
            var outside = 0;
            var hasClass = r.Has("class");
            while (r.Read())
            {
                Row(r);
                var name = Required(r, "student");
                var className = hasClass ? Required(r, "class") : null;
                var subject = Required(r, "subject");
                var date = RequiredDate(r, "date");
                var value = Required(r, "value");
                DateTimeOffset? enteredAt = null;
                if (r.Get("enteredAt") is { } enteredCell)
                {
                    if (enteredCell.Length == 0)
                    {
                        throw r.Fail("enteredAt", "ячейка пуста, а по сопоставлению в этой выгрузке есть дата внесения (если выгрузка оставляет столбец пустым, укажите \"marks.columns.enteredAt\": null)");
                    }

                    enteredAt = Timestamp(r, "enteredAt", enteredCell);
                }

                var listed = StudentOf(r, name, className);
                var student = listed.Student;
                className = listed.ClassName;
                if (!InRange(date) || !listed.Selected)
                {
                    outside++;
                    continue;
                }

                var subjectId = SubjectOf(subject);
                var normalized = AsiouMapping.Normalize(value);
                if (_m.AbsenceValues.TryGetValue(normalized, out var reason))
                {
                    AddAbsence(r, student, subject, subjectId, className, date, reason, enteredAt);
                    continue;
                }

                var kind = MarkKind.Current;
                if (r.Get("markType") is { } typeCell && !_m.MarkTypes.TryGetValue(AsiouMapping.Normalize(typeCell), out kind))
                {
                    throw r.Fail("markType", $"«{typeCell}» — не вид отметки из сопоставления (известны: {Known(_m.MarkTypes.Keys)}); добавьте его в \"marks.markTypes\"");
                }

                var key = _ids.MarkKey(student.Id, subjectId, date, kind.ToString());
                _markOccurrences.TryGetValue(key, out var seen);
                _markOccurrences[key] = ++seen;
                _marks.Add(new Mark
                {
                    Id = StableIds.Mark(key, seen),
                    StudentId = student.Id,
                    SubjectId = subjectId,
                    LessonId = _lessonIndex.TryGetValue((student.ClassId, subjectId, date), out var day) && day.Count == 1 ? day[0].Id : null,
                    Date = date,
                    Kind = kind,
                    Value = Pool(value),
                    EnteredAt = enteredAt,
                });
            }

            Done(r, outside);
        }

        private void AddAbsence(ExportReader r, Student student, string subject, string subjectId, string className, DateTime date, AbsenceReason reason, DateTimeOffset? enteredAt)
        {
            if (!_lessonIndex.TryGetValue((student.ClassId, subjectId, date), out var day))
            {
                throw r.Fail("value", $"пропуск «{r.Get("value")}» за {Day(date)} по предмету «{subject}», но в журнале нет такого урока у класса «{className}»; проверьте дату и предмет");
            }

            // One absence per lesson: a second «н» the same day goes to the next lesson (a double lesson).
            foreach (var (_, lessonId) in day)
            {
                if (_absenceKeys.Add(lessonId + ":" + student.Id))
                {
                    _absences.Add(new Absence { LessonId = lessonId, StudentId = student.Id, Reason = reason, EnteredAt = enteredAt });
                    return;
                }
            }

            throw r.Fail("value", $"у ученика «{student.Name}» за {Day(date)} по предмету «{subject}» пропусков больше, чем уроков в журнале ({RussianText.Count(day.Count, "урок", "урока", "уроков")})");
        }

        public GradebookSnapshot Snapshot()
        {
            var o = _c._options;
            var declared = _c._capabilities;
            bool Has(string capability) => declared.Contains(capability, StringComparer.Ordinal);
            var students = _students.Values.Where(s => s.Selected).Select(s => s.Student).ToList();
            return new GradebookSnapshot
            {
                Source = new SnapshotSource
                {
                    Connector = ConnectorId,
                    Instance = string.IsNullOrWhiteSpace(o.SchoolId) ? ConnectorId : o.SchoolId,
                    FetchedAt = _c._clock.GetUtcNow(),
                    From = _request.From.Date,
                    To = _request.To.Date,
                    Capabilities = declared,
                },
                School = new School
                {
                    Id = string.IsNullOrWhiteSpace(o.SchoolId) ? ConnectorId : o.SchoolId!,
                    Name = string.IsNullOrWhiteSpace(o.SchoolName) ? new DirectoryInfo(o.ExportDirectory!).Name : o.SchoolName!,
                    TimeZone = o.TimeZone,
                    WorkWeek = o.WorkWeek,
                    Region = o.Region,
                },
                Subjects = _subjects.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList(),
                Classes = _classes.Values.OrderBy(c => c.Grade ?? 0).ThenBy(c => c.Name, StringComparer.Ordinal).ToList(),
                Students = students.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).ToList(),
                Staff = _m[ExportKind.Journal] is not null ? _staff.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList() : null,
                Lessons = _m[ExportKind.Journal] is not null ? _lessons : null,
                Marks = _m[ExportKind.Marks] is not null ? _marks : null,
                Absences = Has(Capability.Absences) ? _absences : null,
            };
        }

        private Listed StudentOf(ExportReader r, string name, string? className)
        {
            if (className is not null)
            {
                // The same cells repeat on every row of a student: hash them once.
                var cell = name + "\u001f" + className;
                if (!_studentCells.TryGetValue(cell, out var id))
                {
                    _studentCells[cell] = id = _ids.Student(name, className);
                }

                if (_students.TryGetValue(id, out var known))
                {
                    return known;
                }

                if (_studentsListed)
                {
                    throw r.Fail("student", $"ученика «{name}» из класса «{className}» нет в списке учащихся");
                }

                // No student list is mapped: the marks export is the list.
                var selected = ClassSelected(className);
                var listed = new Listed(new Student { Id = id, Name = name, ClassId = selected ? ClassOf(className) : _ids.Class(className) }, r.Line, className, selected);
                _students[id] = listed;
                return listed;
            }

            if (!_studentsByName.TryGetValue(StableIds.Normalize(name), out var ids))
            {
                throw r.Fail("student", $"ученика «{name}» нет в списке учащихся");
            }

            if (ids.Count > 1)
            {
                throw r.Fail("student", $"ученик «{name}» не определяется однозначно: в списке учащихся {RussianText.Count(ids.Count, "ученик", "ученика", "учеников")} с таким именем; сопоставьте столбец класса выгрузки отметок (\"marks.columns.class\")");
            }

            return _students[ids[0]];
        }

        private void IndexByName(string name, string id)
        {
            var key = StableIds.Normalize(name);
            if (!_studentsByName.TryGetValue(key, out var list))
            {
                _studentsByName[key] = list = new List<string>(1);
            }

            list.Add(id);
        }

        private string ClassOf(string name)
        {
            var id = _ids.Class(name);
            if (!_classes.ContainsKey(id))
            {
                var digits = new string(name.Trim().TakeWhile(char.IsDigit).ToArray());
                int? grade = int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var g) && g is >= 1 and <= 11 ? g : null;
                _classes[id] = new SchoolClass { Id = id, Name = name, Grade = grade };
            }

            return id;
        }

        private string SubjectOf(string name)
        {
            if (_subjectCells.TryGetValue(name, out var cached))
            {
                return cached;
            }

            var id = _subjectCells[name] = _ids.Subject(name);
            if (!_subjects.ContainsKey(id))
            {
                _subjects[id] = new Subject { Id = id, Name = name };
            }

            return id;
        }

        private string TeacherOf(string name)
        {
            var id = _ids.Teacher(name);
            if (!_staff.ContainsKey(id))
            {
                _staff[id] = new StaffMember { Id = id, Name = name, Roles = new[] { StaffRole.Teacher } };
            }

            return id;
        }

        private string Pool(string value)
        {
            if (!_values.TryGetValue(value, out var pooled))
            {
                _values[value] = pooled = value;
            }

            return pooled;
        }

        private static string Required(ExportReader r, string field)
        {
            var cell = r.Get(field)!;
            return cell.Length == 0 ? throw r.Fail(field, "ячейка пуста, а значение обязательно") : cell;
        }

        private static string? Optional(ExportReader r, string field) => r.Get(field) is { Length: > 0 } cell ? cell : null;

        private DateTime RequiredDate(ExportReader r, string field) => Date(r, field, Required(r, field));

        private DateTime? OptionalDate(ExportReader r, string field) => Optional(r, field) is { } cell ? Date(r, field, cell) : null;

        private DateTime Date(ExportReader r, string field, string cell) =>
            DateTime.TryParseExact(cell, _dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw r.Fail(field, $"«{cell}» — не дата (ожидается {string.Join(" или ", _m.DateFormats)})");

        private DateTimeOffset Timestamp(ExportReader r, string field, string cell)
        {
            if (!DateTime.TryParseExact(cell, _timestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                throw r.Fail(field, $"«{cell}» — не дата и время (ожидается {string.Join(" или ", _m.TimestampFormats)})");
            }

            if (_c._zone.IsInvalidTime(local))
            {
                throw r.Fail(field, $"времени «{cell}» нет в часовом поясе школы «{_c._zone.Id}» (перевод часов); проверьте время");
            }

            return new DateTimeOffset(local, _c._zone.GetUtcOffset(local));
        }

        private static string Known(IEnumerable<string> values) =>
            string.Join(", ", values.Select(v => v.Length == 0 ? "пустая ячейка" : "«" + v + "»"));

        /// <summary>A date for a message: <c>02.09.2024</c>.</summary>
        private static string Day(DateTime date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
    }
}
