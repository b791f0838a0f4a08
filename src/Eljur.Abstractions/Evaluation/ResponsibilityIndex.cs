using System;
using System.Collections.Generic;
using Eljur.Abstractions.Model;

namespace Eljur.Abstractions.Evaluation;

/// <summary>
/// Who must put a finding right (<c>rules.md</c>, «Who is responsible»), answered from indexes built once per
/// evaluation: staff by id, lessons by id, and the held lessons of each class and subject. A rule asks it
/// only for the records it reports, so the cost follows the findings, never the records checked; each staff
/// member is one <see cref="ResponsibleStaff"/> shared by all of their findings.
/// </summary>
public sealed class ResponsibilityIndex
{
    private readonly EvaluationData _data;
    private readonly Dictionary<string, ResponsibleStaff> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ClassId, string SubjectId, DateTime From, DateTime To), ResponsibleStaff?> _main = new();
    private Dictionary<(string ClassId, string SubjectId), List<Lesson>>? _lessons;

    internal ResponsibilityIndex(EvaluationData data) => _data = data;

    /// <summary>A staff member named by a lesson (its teacher or substitute): their record's name, or the id when the snapshot lists no such staff member.</summary>
    /// <param name="staffId">Staff id; null or empty gives null.</param>
    /// <returns>The staff member, or null.</returns>
    public ResponsibleStaff? Teacher(string? staffId)
    {
        if (string.IsNullOrEmpty(staffId))
        {
            return null;
        }

        if (!_people.TryGetValue(staffId!, out var person))
        {
            person = new ResponsibleStaff(staffId!, _data.FindStaff(staffId) is { Name.Length: > 0 } staff ? staff.Name : staffId!);
            _people.Add(staffId!, person);
        }

        return person;
    }

    /// <summary>The author of an entry when that author is a staff member of the snapshot; null otherwise (a student, or unknown).</summary>
    /// <param name="authorId">Who entered the record.</param>
    /// <returns>The staff member, or null.</returns>
    public ResponsibleStaff? StaffAuthor(string? authorId) =>
        authorId is { Length: > 0 } && _data.FindStaff(authorId) is not null ? Teacher(authorId) : null;

    /// <summary>A lesson's responsible: its substitute, else its teacher (lesson-topic, homework, absence-entry, lesson metrics).</summary>
    /// <param name="lesson">The lesson.</param>
    /// <returns>The staff member, or null when the lesson names nobody.</returns>
    public ResponsibleStaff? OfLesson(Lesson lesson)
    {
        if (lesson is null)
        {
            throw new ArgumentNullException(nameof(lesson));
        }

        return Teacher(string.IsNullOrEmpty(lesson.SubstituteId) ? lesson.TeacherId : lesson.SubstituteId);
    }

    /// <summary>
    /// A mark's responsible: who entered it when that is a staff id; else the teacher of its lesson (as
    /// <see cref="OfLesson"/>); else the teacher with the most held lessons of its subject in the student's
    /// class in the check range.
    /// </summary>
    /// <param name="mark">The mark.</param>
    /// <returns>The staff member, or null when nobody can be named.</returns>
    public ResponsibleStaff? OfMark(Mark mark)
    {
        if (mark is null)
        {
            throw new ArgumentNullException(nameof(mark));
        }

        if (StaffAuthor(mark.EnteredBy) is { } author)
        {
            return author;
        }

        if (_data.FindLesson(mark.LessonId) is { } lesson && OfLesson(lesson) is { } teacher)
        {
            return teacher;
        }

        return _data.FindStudent(mark.StudentId) is { } student
            ? MainTeacher(student.ClassId, mark.SubjectId, _data.From, _data.To < _data.AsOfDate ? _data.To : _data.AsOfDate)
            : null;
    }

    /// <summary>A revision's responsible: its author when a staff id, else as for the mark (<see cref="OfMark"/>).</summary>
    /// <param name="mark">The mark.</param>
    /// <param name="revision">One of its revisions.</param>
    /// <returns>The staff member, or null.</returns>
    public ResponsibleStaff? OfRevision(Mark mark, MarkRevision revision)
    {
        if (revision is null)
        {
            throw new ArgumentNullException(nameof(revision));
        }

        return StaffAuthor(revision.By) ?? OfMark(mark);
    }

    /// <summary>The homeroom teacher (классный руководитель) of a student's class; null when the class names none.</summary>
    /// <param name="studentId">Student id.</param>
    /// <returns>The staff member, or null.</returns>
    public ResponsibleStaff? HomeroomTeacher(string? studentId) =>
        _data.FindStudent(studentId) is { } student ? HomeroomTeacherOfClass(student.ClassId) : null;

    /// <summary>The homeroom teacher of a class; null when the class names none.</summary>
    /// <param name="classId">Class id.</param>
    /// <returns>The staff member, or null.</returns>
    public ResponsibleStaff? HomeroomTeacherOfClass(string? classId) => Teacher(_data.FindClass(classId)?.HomeroomTeacherId);

    /// <summary>
    /// The teacher (by the lessons' <see cref="Lesson.TeacherId"/>: the teacher of record, not a one-day
    /// substitute) with the most held lessons of a subject in a class between two dates; on a tie, the
    /// smaller staff id. Null when there is no such lesson. Each class, subject and range is counted once.
    /// </summary>
    /// <param name="classId">Class id.</param>
    /// <param name="subjectId">Subject id.</param>
    /// <param name="from">First date.</param>
    /// <param name="to">Last date.</param>
    /// <returns>The staff member, or null.</returns>
    public ResponsibleStaff? MainTeacher(string classId, string subjectId, DateTime from, DateTime to)
    {
        var key = (classId ?? "", subjectId ?? "", from.Date, to.Date);
        if (_main.TryGetValue(key, out var known))
        {
            return known;
        }

        _lessons ??= IndexLessons(_data.Lessons);
        ResponsibleStaff? best = null;
        if (_lessons.TryGetValue((key.Item1, key.Item2), out var lessons))
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var lesson in lessons)
            {
                if (lesson.Date.Date >= key.Item3 && lesson.Date.Date <= key.Item4 && lesson.TeacherId.Length > 0)
                {
                    counts.TryGetValue(lesson.TeacherId, out var n);
                    counts[lesson.TeacherId] = n + 1;
                }
            }

            string? bestId = null;
            var bestCount = 0;
            foreach (var pair in counts)
            {
                if (pair.Value > bestCount || (pair.Value == bestCount && string.CompareOrdinal(pair.Key, bestId) < 0))
                {
                    bestId = pair.Key;
                    bestCount = pair.Value;
                }
            }

            best = Teacher(bestId);
        }

        _main.Add(key, best);
        return best;
    }

    private static Dictionary<(string, string), List<Lesson>> IndexLessons(IReadOnlyList<Lesson> all)
    {
        var map = new Dictionary<(string, string), List<Lesson>>();
        foreach (var lesson in all)
        {
            if (!lesson.IsHeld)
            {
                continue;
            }

            var key = (lesson.ClassId, lesson.SubjectId);
            if (!map.TryGetValue(key, out var list))
            {
                list = new List<Lesson>();
                map.Add(key, list);
            }

            list.Add(lesson);
        }

        return map;
    }
}
