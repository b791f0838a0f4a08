using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Time;
using Eljur.Rules.Reports.Models;

namespace Eljur.Rules.Reports;

/// <summary>Computes the models of the school reports (activity, progress, summary sheet) from a snapshot.</summary>
internal static class SchoolReportBuilder
{
    private static readonly AccountRole[] Roles = { AccountRole.Student, AccountRole.Parent, AccountRole.Teacher, AccountRole.Administration };

    private static readonly StringComparer RussianOrder = StringComparer.Create(RussianText.Culture, ignoreCase: true);

    public static ActivityReportModel Activity(GradebookSnapshot snapshot, DateTime? from, DateTime? to, StudentNamer namer, TrustedHtml css)
    {
        var start = (from ?? snapshot.Source.From).Date;
        var end = (to ?? snapshot.Source.To).Date;
        if (end < start)
        {
            throw new ArgumentException($"период отчёта заканчивается ({RussianText.Date(end)}) раньше, чем начинается ({RussianText.Date(start)}).");
        }

        var zone = SchoolTimeZone.Resolve(snapshot.School.TimeZone);
        var capabilities = new CapabilitySet(snapshot.Source.Capabilities);
        var accounts = snapshot.Accounts ?? Array.Empty<Account>();
        var roleOf = new Dictionary<string, AccountRole>(StringComparer.Ordinal);
        foreach (var a in accounts)
        {
            roleOf[a.Id] = a.Role;
        }

        var loginsByDate = (snapshot.Logins ?? Array.Empty<Login>())
            .Where(l => roleOf.ContainsKey(l.AccountId))
            .Select(l => (Date: TimeZoneInfo.ConvertTime(l.At, zone).Date, l.AccountId, Role: roleOf[l.AccountId]))
            .Where(l => l.Date >= start && l.Date <= end)
            .ToList();

        var months = new List<ActivityMonthModel>();
        for (var month = new DateTime(start.Year, start.Month, 1); month <= end; month = month.AddMonths(1))
        {
            var first = month < start ? start : month;
            var last = month.AddMonths(1).AddDays(-1);
            if (last > end)
            {
                last = end;
            }

            var endOfLast = EndOfDay(last, zone);
            var inMonth = loginsByDate.Where(l => l.Date >= first && l.Date <= last).ToList();
            var rows = Roles.Select(role => Row(
                ReportText.RoleId(role),
                ReportText.Role(role),
                accounts.Where(a => a.Role == role),
                inMonth.Where(l => l.Role == role).Select(l => l.AccountId).ToList(),
                endOfLast)).ToList();
            months.Add(new ActivityMonthModel
            {
                Month = month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                MonthText = ReportText.Month(month.Year, month.Month),
                Dates = RussianText.Date(first) + " — " + RussianText.Date(last),
                Roles = rows,
                Total = Row("all", "все", accounts, inMonth.Select(l => l.AccountId).ToList(), endOfLast),
            });
        }

        var notes = new List<string>
        {
            "Учётные записи и активированные — на конец месяца (или на последний день отчёта, если он раньше); учётная запись без даты создания считается существующей.",
            "Входы — за дни месяца внутри периода отчёта, по времени школы; «пользователи со входом» — учётные записи, в которые входили хотя бы раз за месяц.",
        };
        if (!capabilities.Has(Capability.Accounts))
        {
            notes.Insert(0, "Источник данных не предоставляет учётные записи (accounts): их число неизвестно.");
        }

        if (!capabilities.Has(Capability.Logins))
        {
            notes.Insert(0, "Источник данных не предоставляет входы пользователей (logins): число входов неизвестно.");
        }

        return new ActivityReportModel
        {
            SchoolName = snapshot.School.Name,
            From = RussianText.Date(start),
            To = RussianText.Date(end),
            HasAccounts = capabilities.Has(Capability.Accounts),
            HasLogins = capabilities.Has(Capability.Logins),
            Notes = notes,
            Anonymized = namer.Anonymize,
            Css = css,
            Months = months,
        };
    }

    public static ProgressReportModel Progress(GradebookSnapshot snapshot, string? periodId, DateTime? from, DateTime? to, StudentNamer namer, TrustedHtml css)
    {
        var periods = snapshot.Periods ?? Array.Empty<Period>();
        if (periods.Count == 0)
        {
            throw new ArgumentException("в снимке нет учебных периодов (periods): отчёт об успеваемости строится по периодам.");
        }

        List<Period> selected;
        if (periodId is not null)
        {
            var period = periods.FirstOrDefault(p => p.Id == periodId)
                ?? throw new ArgumentException($"нет учебного периода «{periodId}»; в снимке есть: {string.Join(", ", periods.Select(p => p.Id))}.");
            selected = new List<Period> { period };
        }
        else
        {
            selected = periods
                .Where(p => (from is null || p.End >= from.Value.Date) && (to is null || p.Start <= to.Value.Date))
                .OrderBy(p => p.Start).ThenBy(p => p.End).ThenBy(p => p.Id, StringComparer.Ordinal)
                .ToList();
        }

        var subjectOrder = SubjectOrder(snapshot);
        var subjectNames = (snapshot.Subjects ?? Array.Empty<Subject>()).GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var marks = snapshot.Marks ?? Array.Empty<Mark>();
        var lessons = (snapshot.Lessons ?? Array.Empty<Lesson>()).Where(l => l.IsHeld).ToList();
        var students = snapshot.Students ?? Array.Empty<Student>();

        var result = new List<ProgressPeriodModel>();
        foreach (var period in selected)
        {
            var listDate = snapshot.Source.To >= period.Start && snapshot.Source.To < period.End ? snapshot.Source.To.Date : period.End.Date;
            var classes = new List<ProgressClassModel>();
            foreach (var schoolClass in OrderClasses(snapshot.Classes))
            {
                var classStudents = students
                    .Where(s => s.ClassId == schoolClass.Id && (s.EnrolledOn is null || s.EnrolledOn.Value.Date <= listDate) && (s.LeftOn is null || s.LeftOn.Value.Date >= listDate))
                    .ToList();
                var ids = new HashSet<string>(classStudents.Select(s => s.Id), StringComparer.Ordinal);
                var periodMarks = marks.Where(m => ids.Contains(m.StudentId) && IsMarkForPeriod(m, period)).ToList();
                var currentMarks = marks.Where(m => ids.Contains(m.StudentId) && m.Kind is MarkKind.Current or MarkKind.Written && m.Date >= period.Start && m.Date <= period.End).ToList();
                var subjectIds = lessons.Where(l => l.ClassId == schoolClass.Id && l.Date >= period.Start && l.Date <= period.End).Select(l => l.SubjectId)
                    .Concat(periodMarks.Select(m => m.SubjectId))
                    .Concat(currentMarks.Select(m => m.SubjectId))
                    .Distinct(StringComparer.Ordinal)
                    .OrderBy(id => subjectOrder.TryGetValue(id, out var i) ? i : int.MaxValue)
                    .ThenBy(id => id, StringComparer.Ordinal)
                    .ToList();
                if (subjectIds.Count == 0 && classStudents.Count == 0)
                {
                    continue;
                }

                var rows = subjectIds.Select(subjectId =>
                {
                    var finals = periodMarks.Where(m => m.SubjectId == subjectId).ToList();
                    var basis = finals.Count > 0 ? finals : currentMarks.Where(m => m.SubjectId == subjectId).ToList();
                    return ProgressRow(subjectId, subjectNames.TryGetValue(subjectId, out var n) ? n : subjectId, finals.Count > 0, classStudents, basis, namer);
                }).ToList();
                classes.Add(new ProgressClassModel
                {
                    ClassId = schoolClass.Id,
                    ClassName = schoolClass.Name,
                    Students = classStudents.Count,
                    Subjects = rows,
                });
            }

            result.Add(new ProgressPeriodModel
            {
                PeriodId = period.Id,
                Name = period.Name,
                KindText = ReportText.PeriodKind(period.Kind),
                Start = RussianText.Date(period.Start),
                End = RussianText.Date(period.End),
                Classes = classes,
            });
        }

        return new ProgressReportModel
        {
            SchoolName = snapshot.School.Name,
            Anonymized = namer.Anonymize,
            Css = css,
            Periods = result,
            Notes = new[]
            {
                "Успеваемость — доля учеников без неудовлетворительных отметок среди учеников, у которых есть отметки. Неудовлетворительными считаются «2», «1», «н/а» (не аттестован) и «незачёт»; двойная отметка с двойкой (например, «2/4») — тоже.",
                "Качество — доля учеников, у которых все отметки «4» и «5», среди учеников, у которых есть отметка, кроме зачёта. Зачёт («зач») в качество и средний балл не входит.",
                "Средний балл — среднее всех числовых отметок; двойная отметка «3/5» считается как две отметки, 3 и 5.",
                "Основа расчёта: если у класса по предмету есть отметки за период, считаются только они; иначе — текущие и письменные отметки, поставленные за даты периода.",
                "Ученики — по списку класса на последний день периода (или на последний день данных, если период ещё идёт). Ученики без отметок в успеваемость и качество не входят и показаны отдельно.",
            },
        };
    }

    public static SummarySheetModel SummarySheet(GradebookSnapshot snapshot, StudentNamer namer, TrustedHtml css)
    {
        var periods = (snapshot.Periods ?? Array.Empty<Period>()).OrderBy(p => p.Start).ThenBy(p => p.End).ToList();
        DateTime yearStart, yearEnd;
        if (periods.Count > 0)
        {
            yearStart = periods.Min(p => p.Start).Date;
            yearEnd = periods.Max(p => p.End).Date;
        }
        else
        {
            var from = snapshot.Source.From;
            yearStart = new DateTime(from.Month >= 9 ? from.Year : from.Year - 1, 9, 1);
            yearEnd = yearStart.AddYears(1).AddDays(-1);
        }

        var periodIds = new HashSet<string>(periods.Select(p => p.Id), StringComparer.Ordinal);
        var yearPeriodIds = new HashSet<string>(periods.Where(p => p.Kind == PeriodKind.Year).Select(p => p.Id), StringComparer.Ordinal);
        var subperiods = periods.Where(p => p.Kind != PeriodKind.Year).ToList();
        var subjectOrder = SubjectOrder(snapshot);
        var subjectNames = (snapshot.Subjects ?? Array.Empty<Subject>()).GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var staff = (snapshot.Staff ?? Array.Empty<StaffMember>()).GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var lessons = (snapshot.Lessons ?? Array.Empty<Lesson>()).Where(l => l.IsHeld && l.Date >= yearStart && l.Date <= yearEnd).ToList();

        // Each year mark with its column: (kind, period id). Final and exam marks come after the last period
        // (after the GIA, in June), so year, exam and final marks are taken up to 31 August.
        var marksUntil = new DateTime(yearStart.Year + 1, 8, 31);
        if (marksUntil < yearEnd)
        {
            marksUntil = yearEnd;
        }

        var yearMarks = new List<(Mark Mark, string Kind, string? PeriodId)>();
        foreach (var m in snapshot.Marks ?? Array.Empty<Mark>())
        {
            var inYear = m.Date >= yearStart && m.Date <= marksUntil;
            switch (m.Kind)
            {
                case MarkKind.Period when m.PeriodId is not null && yearPeriodIds.Contains(m.PeriodId):
                    yearMarks.Add((m, "year", null));
                    break;
                case MarkKind.Period when m.PeriodId is not null && periodIds.Contains(m.PeriodId):
                    yearMarks.Add((m, "period", m.PeriodId));
                    break;
                case MarkKind.Year when inYear || (m.PeriodId is not null && periodIds.Contains(m.PeriodId)):
                    yearMarks.Add((m, "year", null));
                    break;
                case MarkKind.Exam when inYear:
                    yearMarks.Add((m, "exam", null));
                    break;
                case MarkKind.Final when inYear:
                    yearMarks.Add((m, "final", null));
                    break;
            }
        }

        var classes = new List<SummaryClassModel>();
        foreach (var schoolClass in OrderClasses(snapshot.Classes))
        {
            var classStudents = (snapshot.Students ?? Array.Empty<Student>())
                .Where(s => s.ClassId == schoolClass.Id && (s.EnrolledOn is null || s.EnrolledOn.Value.Date <= yearEnd) && (s.LeftOn is null || s.LeftOn.Value.Date >= yearStart))
                .Select(s => (Student: s, Shown: namer.Name(s.Id)))
                .OrderBy(s => s.Shown, RussianOrder)
                .ThenBy(s => s.Student.Id, StringComparer.Ordinal)
                .ToList();
            var ids = new HashSet<string>(classStudents.Select(s => s.Student.Id), StringComparer.Ordinal);
            var classMarks = yearMarks.Where(y => ids.Contains(y.Mark.StudentId)).ToList();
            var subjectIds = lessons.Where(l => l.ClassId == schoolClass.Id).Select(l => l.SubjectId)
                .Concat(classMarks.Select(y => y.Mark.SubjectId))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(id => subjectOrder.TryGetValue(id, out var i) ? i : int.MaxValue)
                .ThenBy(id => id, StringComparer.Ordinal)
                .ToList();
            if (classStudents.Count == 0 && subjectIds.Count == 0)
            {
                continue;
            }

            var subjects = new List<SummarySubjectModel>();
            foreach (var subjectId in subjectIds)
            {
                var ofSubject = classMarks.Where(y => y.Mark.SubjectId == subjectId).ToList();
                var subjectName = subjectNames.TryGetValue(subjectId, out var n) ? n : subjectId;
                var columns = new List<SummaryColumnModel>();
                foreach (var p in subperiods.Where(p => ofSubject.Any(y => y.Kind == "period" && y.PeriodId == p.Id)))
                {
                    columns.Add(new SummaryColumnModel { SubjectId = subjectId, SubjectName = subjectName, Kind = "period", PeriodId = p.Id, Header = ShortName(p), HeaderFull = p.Name });
                }

                columns.Add(new SummaryColumnModel { SubjectId = subjectId, SubjectName = subjectName, Kind = "year", Header = "год", HeaderFull = "годовая отметка" });
                if (ofSubject.Any(y => y.Kind == "exam"))
                {
                    columns.Add(new SummaryColumnModel { SubjectId = subjectId, SubjectName = subjectName, Kind = "exam", Header = "экз.", HeaderFull = "экзамен" });
                }

                if (ofSubject.Any(y => y.Kind == "final"))
                {
                    columns.Add(new SummaryColumnModel { SubjectId = subjectId, SubjectName = subjectName, Kind = "final", Header = "итог.", HeaderFull = "итоговая отметка" });
                }

                columns[0] = columns[0] with { FirstOfSubject = true };
                subjects.Add(new SummarySubjectModel
                {
                    SubjectId = subjectId,
                    Name = subjectName,
                    Columns = columns,
                });
            }

            var allColumns = subjects.SelectMany(s => s.Columns).ToList();
            var latest = classMarks
                .Select((y, index) => (y, index))
                .GroupBy(x => (x.y.Mark.StudentId, x.y.Mark.SubjectId, x.y.Kind, x.y.PeriodId))
                .ToDictionary(
                    g => g.Key,
                    g => g.OrderBy(x => x.y.Mark.Date).ThenBy(x => x.y.Mark.EnteredAt ?? DateTimeOffset.MinValue).ThenBy(x => x.index).Last().y.Mark.Value);
            var rows = classStudents.Select((s, i) => new SummaryStudentModel
            {
                Number = i + 1,
                StudentId = s.Student.Id,
                Name = s.Shown,
                Note = s.Student.LeftOn is { } left ? "выбыл(а) " + RussianText.Date(left) : "",
                Cells = allColumns.Select(c => new SummaryCellModel
                {
                    Value = latest.TryGetValue((s.Student.Id, c.SubjectId, c.Kind, c.PeriodId), out var v) ? v : "",
                    Kind = c.Kind,
                    FirstOfSubject = c.FirstOfSubject,
                }).ToList(),
            }).ToList();

            classes.Add(new SummaryClassModel
            {
                ClassId = schoolClass.Id,
                ClassName = schoolClass.Name,
                ClassTeacher = schoolClass.HomeroomTeacherId is { } t && staff.TryGetValue(t, out var teacher) ? teacher.Name : "",
                Subjects = subjects,
                Columns = allColumns,
                Students = rows,
            });
        }

        return new SummarySheetModel
        {
            SchoolName = snapshot.School.Name,
            SchoolYear = SchoolYear(yearStart),
            Director = staff.Values.FirstOrDefault(s => s.Roles.Contains(StaffRole.Director))?.Name ?? "",
            Anonymized = namer.Anonymize,
            Css = css,
            Classes = classes,
            Notes = new[]
            {
                "Если по предмету за период или за год выставлено несколько отметок, показана выставленная последней.",
                "Столбцы периодов показаны только там, где есть отметки за период; «год» — годовая отметка, «экз.» — экзаменационная, «итог.» — итоговая.",
            },
        };
    }

    /// <summary>The school year label <c>YYYY/YYYY+1</c> from its first day.</summary>
    public static string SchoolYear(DateTime start) =>
        start.Year.ToString(CultureInfo.InvariantCulture) + "/" + (start.Year + 1).ToString(CultureInfo.InvariantCulture);

    private static ProgressRowModel ProgressRow(string subjectId, string subjectName, bool periodBasis, IReadOnlyList<Student> students, IReadOnlyList<Mark> marks, StudentNamer namer)
    {
        var byStudent = marks.GroupBy(m => m.StudentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(m => MarkValue.Parse(m.Value)).Where(v => v.IsKnown).ToList(), StringComparer.Ordinal);
        int withMarks = 0, passing = 0, good = 0, graded = 0, numericCount = 0, sum = 0;
        var without = new List<string>();
        var failing = new List<string>();
        foreach (var student in students)
        {
            if (!byStudent.TryGetValue(student.Id, out var values) || values.Count == 0)
            {
                without.Add(namer.Name(student.Id));
                continue;
            }

            withMarks++;
            var isFailing = values.Any(v => v.IsFailing);
            if (isFailing)
            {
                failing.Add(namer.Name(student.Id));
            }
            else
            {
                passing++;
            }

            var isGraded = values.Any(v => v.Kind != MarkValueKind.Pass);
            if (isGraded)
            {
                graded++;
                if (!isFailing && values.SelectMany(v => v.Numbers).All(n => n >= 4))
                {
                    good++;
                }
            }

            foreach (var n in values.SelectMany(v => v.Numbers))
            {
                numericCount++;
                sum += n;
            }
        }

        double? progress = withMarks > 0 ? Math.Round((double)passing / withMarks, 4) : null;
        double? quality = graded > 0 ? Math.Round((double)good / graded, 4) : null;
        double? average = numericCount > 0 ? Math.Round((double)sum / numericCount, 2, MidpointRounding.AwayFromZero) : null;
        return new ProgressRowModel
        {
            SubjectId = subjectId,
            SubjectName = subjectName,
            Basis = periodBasis ? "period" : "current",
            BasisText = periodBasis ? "за период" : "текущие",
            Students = students.Count,
            StudentsWithMarks = withMarks,
            StudentsWithoutMarks = students.Count - withMarks,
            WithoutMarksNames = without.OrderBy(n => n, RussianOrder).ToList(),
            Passing = passing,
            Failing = failing.Count,
            FailingNames = failing.OrderBy(n => n, RussianOrder).ToList(),
            Progress = progress,
            ProgressText = ReportText.Percent(progress),
            Good = good,
            Graded = graded,
            Quality = quality,
            QualityText = ReportText.Percent(quality),
            NumericMarks = numericCount,
            Average = average,
            AverageText = average is { } a ? a.ToString("0.00", RussianText.Culture) : "—",
        };
    }

    private static bool IsMarkForPeriod(Mark m, Period period) => period.Kind == PeriodKind.Year
        ? (m.Kind is MarkKind.Period or MarkKind.Year && m.PeriodId == period.Id) || (m.Kind == MarkKind.Year && m.PeriodId is null && m.Date >= period.Start && m.Date <= period.End)
        : m.Kind == MarkKind.Period && m.PeriodId == period.Id;

    private static ActivityRowModel Row(string role, string roleText, IEnumerable<Account> accounts, IReadOnlyList<string> loginAccountIds, DateTimeOffset endOfMonth)
    {
        var existing = accounts.Where(a => a.CreatedAt is null || a.CreatedAt <= endOfMonth).ToList();
        var activated = existing.Count(a => a.ActivatedAt is { } at && at <= endOfMonth);
        var active = loginAccountIds.Distinct(StringComparer.Ordinal).Count();
        return new ActivityRowModel
        {
            Role = role,
            RoleText = roleText,
            Accounts = existing.Count,
            Activated = activated,
            ActivatedShare = ReportText.Percent(existing.Count > 0 ? (double)activated / existing.Count : null),
            ActiveUsers = active,
            ActiveShare = ReportText.Percent(activated > 0 ? Math.Min(1, (double)active / activated) : null),
            Logins = loginAccountIds.Count,
        };
    }

    private static DateTimeOffset EndOfDay(DateTime date, TimeZoneInfo zone)
    {
        var next = date.Date.AddDays(1);
        return new DateTimeOffset(next, zone.GetUtcOffset(next)).AddTicks(-1);
    }

    private static Dictionary<string, int> SubjectOrder(GradebookSnapshot snapshot)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        var subjects = snapshot.Subjects ?? Array.Empty<Subject>();
        for (var i = 0; i < subjects.Count; i++)
        {
            if (!order.ContainsKey(subjects[i].Id))
            {
                order[subjects[i].Id] = i;
            }
        }

        return order;
    }

    private static IEnumerable<SchoolClass> OrderClasses(IReadOnlyList<SchoolClass>? classes) =>
        (classes ?? Array.Empty<SchoolClass>()).OrderBy(c => c.Grade ?? int.MaxValue).ThenBy(c => c.Name, RussianOrder).ThenBy(c => c.Id, StringComparer.Ordinal);

    private static string ShortName(Period p)
    {
        var abbreviation = p.Kind switch
        {
            PeriodKind.Quarter => "ч.",
            PeriodKind.Trimester => "тр.",
            PeriodKind.HalfYear => "пол.",
            _ => "",
        };
        var digits = new string(p.Name.TakeWhile(char.IsDigit).ToArray());
        return digits.Length > 0 && abbreviation.Length > 0 ? digits + " " + abbreviation : p.Name;
    }
}
