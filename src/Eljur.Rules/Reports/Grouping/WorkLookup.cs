using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Rules.Reports.Grouping;

/// <summary>What a finding concerns, as a case: the lesson or written work of a mark, the lesson of an absence, the class, subject and period of a period mark.</summary>
/// <param name="Key">Findings with the same key (and rule, aspect, …) are one case; null: a case of its own.</param>
/// <param name="Date">The record's date.</param>
/// <param name="Label">E.g. «Письменная работа 28.10.2024, 9А, Математика».</param>
/// <param name="One">The counted noun after 1.</param>
/// <param name="Few">After 2–4.</param>
/// <param name="Many">After 5–20.</param>
/// <param name="Entered">«внесена» / «внесён» after 1.</param>
internal readonly record struct Work(string? Key, DateTime? Date, string Label, string One, string Few, string Many, string Entered);

/// <summary>
/// The records the findings of a report name, found in the snapshot in one pass over each list (only the ids the
/// findings name are kept), so grouping costs the findings and one read of the snapshot, never a search per finding.
/// </summary>
internal sealed class WorkLookup
{
    private readonly Dictionary<string, Mark> _marks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Absence> _absences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lesson> _lessons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Student> _students = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _classes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _subjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Period> _periods = new(StringComparer.Ordinal);

    public WorkLookup(GradebookSnapshot? snapshot, IReadOnlyList<Finding> findings)
    {
        if (snapshot is null)
        {
            return;
        }

        var markIds = new HashSet<string>(StringComparer.Ordinal);
        var absenceKeys = new HashSet<string>(StringComparer.Ordinal);
        var lessonIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            switch (f.Entity.Type)
            {
                case "mark":
                    markIds.Add(f.Entity.Id);
                    break;
                case "absence":
                    absenceKeys.Add(f.Entity.Id);
                    break;
                case "lesson":
                    lessonIds.Add(f.Entity.Id);
                    break;
            }
        }

        foreach (var m in snapshot.Marks ?? Array.Empty<Mark>())
        {
            if (markIds.Contains(m.Id))
            {
                _marks[m.Id] = m;
                if (m.LessonId is not null)
                {
                    lessonIds.Add(m.LessonId);
                }
            }
        }

        if (absenceKeys.Count > 0)
        {
            foreach (var a in snapshot.Absences ?? Array.Empty<Absence>())
            {
                var key = a.Key;
                if (absenceKeys.Contains(key))
                {
                    _absences[key] = a;
                    lessonIds.Add(a.LessonId);
                }
            }
        }

        foreach (var l in snapshot.Lessons ?? Array.Empty<Lesson>())
        {
            if (lessonIds.Contains(l.Id))
            {
                _lessons[l.Id] = l;
            }
        }

        foreach (var s in snapshot.Students ?? Array.Empty<Student>())
        {
            _students[s.Id] = s;
        }

        foreach (var c in snapshot.Classes ?? Array.Empty<SchoolClass>())
        {
            _classes[c.Id] = c.Name;
        }

        foreach (var s in snapshot.Subjects ?? Array.Empty<Subject>())
        {
            _subjects[s.Id] = s.Name;
        }

        foreach (var p in snapshot.Periods ?? Array.Empty<Period>())
        {
            _periods[p.Id] = p;
        }
    }

    public Work Of(Finding finding)
    {
        switch (finding.Entity.Type)
        {
            case "mark" when _marks.TryGetValue(finding.Entity.Id, out var mark):
                return OfMark(mark);
            case "absence" when _absences.TryGetValue(finding.Entity.Id, out var absence) && _lessons.TryGetValue(absence.LessonId, out var lesson):
                return new Work("absence:" + lesson.Id, lesson.Date, "Урок " + Lesson(lesson), "пропуск", "пропуска", "пропусков", "внесён");
            case "lesson" when _lessons.TryGetValue(finding.Entity.Id, out var own):
                return new Work(null, own.Date, "", "", "", "", "");
            case "periodMark":
                return OfPeriodMark(finding.Entity.Id);
            default:
                return new Work(null, null, "", "", "", "", "");
        }
    }

    private Work OfMark(Mark mark)
    {
        var classId = _students.TryGetValue(mark.StudentId, out var student) ? student.ClassId : "";
        var lesson = mark.LessonId is not null && _lessons.TryGetValue(mark.LessonId, out var l) ? l : null;
        var date = lesson?.Date ?? mark.Date;
        var where = $"{RussianText.Date(mark.Date)}, {Class(lesson?.ClassId ?? classId)}, {Subject(mark.SubjectId)}";
        var key = "mark:" + (int)mark.Kind + ":" + (lesson?.Id ?? RussianText.Date(mark.Date) + "|" + classId + "|" + mark.SubjectId);
        var label = mark.Kind switch
        {
            MarkKind.Written => "Письменная работа " + where,
            MarkKind.Current => "Урок " + where,
            _ => "Отметки " + where,
        };
        return new Work(key, date, label, "отметка", "отметки", "отметок", "внесена");
    }

    private Work OfPeriodMark(string id)
    {
        var parts = id.Split(':');
        if (parts.Length != 3 || !_students.TryGetValue(parts[0], out var student) || !_periods.TryGetValue(parts[2], out var period))
        {
            return new Work(null, null, "", "", "", "", "");
        }

        var label = $"{Capitalized(period.Name)}, {Class(student.ClassId)}, {Subject(parts[1])}";
        return new Work("period:" + student.ClassId + "|" + parts[1] + "|" + period.Id, period.End, label, "отметка за период", "отметки за период", "отметок за период", "внесена");
    }

    private string Lesson(Lesson lesson) => $"{RussianText.Date(lesson.Date)}, {Class(lesson.ClassId)}, {Subject(lesson.SubjectId)}";

    private string Class(string id) => _classes.TryGetValue(id, out var name) ? name : id;

    private string Subject(string id) => _subjects.TryGetValue(id, out var name) ? name : id;

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
