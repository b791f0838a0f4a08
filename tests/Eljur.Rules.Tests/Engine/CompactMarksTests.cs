using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Eljur.Abstractions.Time;
using Eljur.Rules.Tests.TestData;
using Xunit;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Engine;

/// <summary>
/// The compact mark entries (built by the reader at load, or by the engine for a snapshot made in code),
/// lazily composed messages and the packed-key sort give exactly the report the plain model gives.
/// </summary>
public sealed class CompactMarksTests
{
    private static readonly Abstractions.Policies.Policy MarkRules = Check.Policy(
        Check.Use("current-mark-entry", clause: "3.1"),
        Check.Use("written-mark-entry", """{ "defaultWorkingDays": 5, "bySubject": [ { "subjects": ["Русский язык"], "workingDays": 10 } ] }""", clause: "5.4"),
        Check.Use("mark-correction", """{ "windowDays": null }""", clause: "3.6.8"));

    /// <summary>
    /// Late and timely marks of both kinds; marks of a cancelled lesson and after the range; ids that
    /// share their first sixteen characters, Cyrillic ids (which switch the sort to 16-bit packing),
    /// one entity found by two rules.
    /// </summary>
    private static GradebookSnapshot Sample(string idPrefix = "")
    {
        var builder = SnapshotBuilder.School()
            .Subject("rus", "Русский язык")
            .Lesson("l1", "2024-10-28", l => l with { Topic = "Дроби" })
            .Lesson("l2", "2024-10-29", l => l with { Held = false })
            .Lesson("l3", "2024-10-30", l => l with { SubjectId = "rus" });
        var polled = T("2024-10-30T10:00:00+05:00");
        var rows = new (string Id, MarkKind Kind, string Lesson, string EnteredAt, bool Polled, bool Revised)[]
        {
            ("mark-0000000000000000-b", MarkKind.Current, "l1", "2024-10-31T10:00:00+05:00", true, false),
            ("mark-0000000000000000-a", MarkKind.Current, "l2", "2024-11-01T10:00:00+05:00", false, false),
            ("mark-0000000000000001", MarkKind.Written, "l3", "2024-11-20T10:00:00+05:00", true, true),
            ("z", MarkKind.Current, "l1", "2024-10-28T12:00:00+05:00", false, true),
            ("m10", MarkKind.Current, "l1", "2024-11-02T10:00:00+05:00", true, true),
            ("m9", MarkKind.Written, "l2", "2024-11-25T10:00:00+05:00", false, false),
            ("m1", MarkKind.Current, "l1", "2024-11-03T10:00:00+05:00", false, false),
            ("отметка-2", MarkKind.Current, "l1", "2024-11-04T10:00:00+05:00", true, false),
            ("отметка-10", MarkKind.Written, "l3", "2024-11-06T10:00:00+05:00", false, false),
            ("mark-0000000000000000", MarkKind.Written, "l3", "2024-11-21T10:00:00+05:00", false, true),
        };
        foreach (var row in rows)
        {
            var date = row.Lesson switch { "l2" => "2024-10-29", "l3" => "2024-10-30", _ => "2024-10-28" };
            var entered = T(row.EnteredAt);
            builder.Mark(idPrefix + row.Id, date, row.Kind, m => m with
            {
                LessonId = row.Lesson,
                SubjectId = row.Lesson == "l3" ? "rus" : "alg",
                EnteredAt = entered,
                EnteredAfter = row.Polled ? polled : null,
                Revisions = row.Revised
                    ? new[] { new MarkRevision { At = entered.AddDays(20), By = "t1", From = "3", To = "4" }, new MarkRevision { At = entered.AddDays(21), By = "t1", From = "4", To = "5" } }
                    : Array.Empty<MarkRevision>(),
            });
        }

        builder.Mark(idPrefix + "after-range", "2025-06-15", MarkKind.Current, m => m with { EnteredAt = T("2025-06-20T10:00:00+05:00") });
        return builder.Build();
    }

    private static GradebookSnapshot ReadBack(GradebookSnapshot snapshot)
    {
        using var buffer = new MemoryStream();
        SnapshotWriter.Write(snapshot, buffer);
        buffer.Position = 0;
        return SnapshotReader.Read(buffer);
    }

    private static List<string> Full(EvaluationReport report) =>
        report.Findings.Select(f => Check.Line(f) + " " + f.Clause + " " + f.Message).ToList();

    [Fact]
    public void A_read_snapshot_and_the_same_snapshot_built_in_code_give_the_same_report()
    {
        var built = Sample();
        var read = ReadBack(built);
        Assert.IsNotType<List<Mark>>(read.Marks);

        var fromCode = Full(Check.Run(built, MarkRules));
        var fromFile = Full(Check.Run(read, MarkRules));

        Assert.Equal(fromCode, fromFile);
        Assert.Contains(fromCode, l => l.StartsWith("current-mark-entry late", StringComparison.Ordinal));
        Assert.Contains(fromCode, l => l.StartsWith("written-mark-entry late", StringComparison.Ordinal));
        Assert.Contains(fromCode, l => l.StartsWith("mark-correction forbidden", StringComparison.Ordinal));

        // Marks of the cancelled lesson l2 and after the range are out of scope.
        Assert.DoesNotContain(fromCode, l => l.Contains("mark:mark-0000000000000000-a ", StringComparison.Ordinal));
        Assert.DoesNotContain(fromCode, l => l.Contains("after-range", StringComparison.Ordinal));
    }

    [Fact]
    public void Findings_are_sorted_by_rule_then_ordinal_entity_id_then_aspect_deadline_and_clause()
    {
        foreach (var prefix in new[] { "", "ж-", "long-common-prefix-of-more-than-sixteen-" })
        {
            var findings = Check.Run(ReadBack(Sample(prefix)), MarkRules).Findings;
            var expected = findings
                .OrderBy(f => f.Rule, StringComparer.Ordinal)
                .ThenBy(f => f.Entity.Id, StringComparer.Ordinal)
                .ThenBy(f => f.Aspect, StringComparer.Ordinal)
                .ThenBy(f => f.Deadline)
                .ThenBy(f => f.Clause, StringComparer.Ordinal)
                .ToList();

            Assert.True(findings.Count > 8, $"prefix «{prefix}»: {findings.Count} findings");
            Assert.Equal(expected.Select(Check.Line), findings.Select(Check.Line));
        }
    }

    [Fact]
    public void Lessons_replaced_after_reading_are_what_decides_which_marks_are_out()
    {
        var read = ReadBack(Sample());
        var before = Check.Lines(Check.Run(read, MarkRules));
        Assert.Contains(before, l => l.Contains("mark:m1 ", StringComparison.Ordinal));

        // Now l1 is cancelled and l2 held: the entries computed at load no longer apply.
        var changed = read with
        {
            Lessons = read.Lessons!.Select(l => l.Id switch { "l1" => l with { Held = false }, "l2" => l with { Held = true }, _ => l }).ToList(),
        };
        var after = Check.Lines(Check.Run(changed, MarkRules));

        Assert.DoesNotContain(after, l => l.Contains("mark:m1 ", StringComparison.Ordinal));
        Assert.Contains(after, l => l.Contains("mark:mark-0000000000000000-a ", StringComparison.Ordinal));
        Assert.Equal(after, Check.Lines(Check.Run(ReadBack(changed), MarkRules)));
    }

    [Fact]
    public void Messages_are_composed_when_first_read_and_then_kept()
    {
        var report = Check.Run(Sample(), MarkRules);
        Assert.NotEmpty(report.Findings);
        Assert.All(report.Findings, f => Assert.False(f.IsMessageComposed, f.Entity.Id));

        var first = report.Findings[0];
        var text = first.Message;
        Assert.StartsWith("Текущая отметка «5»", text, StringComparison.Ordinal);
        Assert.True(first.IsMessageComposed);
        Assert.Same(text, first.Message);
    }

    [Fact]
    public void A_finding_with_a_composed_message_equals_one_given_the_text()
    {
        var entity = new FindingEntity("mark", "m1");
        var lazy = new Finding { Rule = "r", Aspect = "late", Entity = entity, ComposeWith = new StateMessage<string>(static s => s, "Текст") };
        var eager = new Finding { Rule = "r", Aspect = "late", Entity = entity, Message = "Текст" };
        var other = new Finding { Rule = "r", Aspect = "late", Entity = entity, Message = "Другой" };

        Assert.Equal(eager, lazy);
        Assert.Equal(eager.GetHashCode(), lazy.GetHashCode());
        Assert.NotEqual(eager, other);
        Assert.Equal("Текст", (lazy with { Rule = "r2" }).Message);
        Assert.Equal("Новый", (lazy with { Message = "Новый" }).Message);
    }

    [Fact]
    public void Mark_entries_in_scope_are_the_marks_in_scope_of_that_kind()
    {
        foreach (var snapshot in new[] { Sample(), ReadBack(Sample()) })
        {
            var clock = new SchoolClock(SchoolTimeZone.Resolve(snapshot.School.TimeZone), 5, Abstractions.Calendar.ProductionCalendar.Russia);
            var data = new EvaluationData(snapshot, clock, snapshot.Source.From, snapshot.Source.To, T(Check.DefaultAsOf));
            foreach (var kind in new[] { MarkKind.Current, MarkKind.Written, MarkKind.Period, (MarkKind)99 })
            {
                var marks = data.MarksInScopeOfKind(kind);
                var entries = data.MarkEntriesInScope(kind);
                Assert.Equal(marks.Count, entries.Count);
                for (var i = 0; i < entries.Count; i++)
                {
                    ref readonly var e = ref entries[i];
                    Assert.Same(marks[i], entries.MarkAt(i));
                    Assert.Equal(marks[i].Date, e.Date);
                    Assert.Equal(marks[i].Kind, e.Kind);
                    Assert.Equal(marks[i].SubjectId, e.SubjectId);
                    Assert.Equal(marks[i].EnteredAt, e.EnteredAt);
                    Assert.Equal(marks[i].EnteredAfter, e.EnteredAfter);
                    Assert.Equal(marks[i].Revisions.Count > 0, e.IsRevised);
                }

                Assert.Throws<ArgumentOutOfRangeException>(() => entries.MarkAt(entries.Count));
            }

            Assert.Equal(data.MarksInScope.Count, data.MarksInScopeOfKind(MarkKind.Current).Count + data.MarksInScopeOfKind(MarkKind.Written).Count);
            Assert.DoesNotContain(data.MarksInScope, m => m.LessonId == "l2" || m.Id == "after-range");
        }
    }

    [Fact]
    public void The_compact_check_of_an_entry_agrees_with_the_full_one()
    {
        var snapshot = Sample();
        var clock = new SchoolClock(SchoolTimeZone.Resolve(snapshot.School.TimeZone), 5, Abstractions.Calendar.ProductionCalendar.Russia);
        var asOf = T("2024-11-02T12:00:00+05:00");
        var data = new EvaluationData(snapshot, clock, snapshot.Source.From, snapshot.Source.To, asOf);
        Assert.True(StandardRules.Catalog.TryGet("current-mark-entry", out var definition));
        var context = new RuleContext(
            definition,
            Check.Use("current-mark-entry"),
            data,
            new List<Finding>(),
            new HashSet<string>());
        var entries = data.MarkEntriesInScope(MarkKind.Current);
        var checkedAny = 0;
        for (var day = 0; day < 6; day++)
        {
            foreach (var hour in new[] { 0, 10, 23 })
            {
                var deadline = new DateTimeOffset(2024, 10, 27, hour, 59, 59, TimeSpan.FromHours(5)).AddDays(day);
                for (var i = 0; i < entries.Count; i++)
                {
                    var mark = entries.MarkAt(i);
                    Assert.Equal(
                        context.WouldReportEntry("late", deadline, mark.EnteredAt, mark.EnteredAfter),
                        context.WouldReportEntry("late", deadline, in entries[i]));
                    checkedAny++;
                }
            }
        }

        Assert.True(checkedAny > 50);
    }

    [Fact]
    public void Lessons_are_found_by_id_through_the_readers_index_and_through_replaced_lessons()
    {
        var built = Sample();
        var read = ReadBack(built);
        var clock = new SchoolClock(SchoolTimeZone.Resolve(built.School.TimeZone), 5, Abstractions.Calendar.ProductionCalendar.Russia);
        EvaluationData Data(GradebookSnapshot s) => new(s, clock, s.Source.From, s.Source.To, T(Check.DefaultAsOf));

        foreach (var id in new[] { "l1", "l2", "l3" })
        {
            Assert.Equal(Data(built).FindLesson(id), Data(read).FindLesson(id));
            Assert.Equal(id, Data(read).FindLesson(id)!.Id);
        }

        Assert.Null(Data(read).FindLesson("nope"));
        Assert.Null(Data(read).FindLesson(null));

        var renamed = read with { Lessons = read.Lessons!.Select(l => l.Id == "l3" ? l with { Id = "l3b" } : l).ToList() };
        Assert.Null(Data(renamed).FindLesson("l3"));
        Assert.Equal("l3b", Data(renamed).FindLesson("l3b")!.Id);
    }
}
