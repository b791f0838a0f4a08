using System;
using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;

namespace Eljur.Rules.Catalog;

/// <summary>
/// <c>student-authorship</c>: no mark (<c>mark</c>), revision (<c>revision</c>) or absence (<c>absence</c>)
/// was entered by a student — a student id, or an account with role <c>student</c> (by account id or its person id).
/// </summary>
internal sealed class StudentAuthorshipRule : Rule<NoParameters>
{
    public override string Id => "student-authorship";

    public override string Title => "Записи в журнал вносят не ученики";

    protected override NoParameters Parse(RuleParameters parameters) => NoParameters.Parse(parameters);

    protected override IEnumerable<CapabilityNeed> Needs(NoParameters p)
    {
        // Each kind of record is checked when the source provides it; authors are needed for all.
        yield return new CapabilityNeed(null, Capability.Authors) { AnyOf = new[] { Capability.Marks, Capability.Absences } };
        yield return new CapabilityNeed("mark", Capability.Marks);
        yield return new CapabilityNeed("revision", Capability.Marks, Capability.Revisions);
        yield return new CapabilityNeed("absence", Capability.Absences, Capability.Lessons);
    }

    protected override void Evaluate(RuleContext context, NoParameters p)
    {
        var data = context.Data;

        // Account ids and person ids of student accounts: one pass, then each author is one lookup.
        var studentAccounts = new Dictionary<string, Account>(StringComparer.Ordinal);
        foreach (var account in data.Snapshot.Accounts ?? Array.Empty<Account>())
        {
            if (account.Role == AccountRole.Student)
            {
                studentAccounts[account.Id] = account;
                if (account.PersonId.Length > 0)
                {
                    studentAccounts[account.PersonId] = account;
                }
            }
        }

        string? StudentName(string? author)
        {
            if (string.IsNullOrEmpty(author))
            {
                return null;
            }

            if (data.FindStudent(author) is { } student)
            {
                return student.Name;
            }

            return studentAccounts.TryGetValue(author!, out var account)
                ? $"{Describe.Student(data, account.PersonId)} (со своей учётной записи)"
                : null;
        }

        var checkRevisions = context.CanEvaluate("revision");
        foreach (var mark in data.MarksInScope)
        {
            if (context.CanEvaluate("mark") && StudentName(mark.EnteredBy) is { } author)
            {
                context.Report("mark", Entities.Of(mark), $"Отметку внёс ученик — {author}: {Describe.Mark(data, mark)}.", observed: mark.EnteredAt, responsible: data.Responsibility.HomeroomTeacher(mark.StudentId));
            }

            if (!checkRevisions)
            {
                continue;
            }

            for (var i = 0; i < mark.Revisions.Count; i++)
            {
                var revision = mark.Revisions[i];
                if (StudentName(revision.By) is { } reviser)
                {
                    context.Report("revision", Entities.Revision(mark, i + 1), $"Отметку исправил ученик — {reviser}: «{revision.From}» → «{revision.To}», {Describe.Mark(data, mark)}.", observed: revision.At, responsible: data.Responsibility.OfRevision(mark, revision));
                }
            }
        }

        if (!context.CanEvaluate("absence"))
        {
            return;
        }

        foreach (var absence in data.AbsencesInScope)
        {
            if (StudentName(absence.EnteredBy) is { } author)
            {
                var lesson = data.FindLesson(absence.LessonId)!;
                context.Report("absence", Entities.Of(absence), $"Пропуск (ученик: {Describe.Student(data, absence.StudentId)}; {data.Describe(lesson)}) внёс ученик — {author}.", observed: absence.EnteredAt, responsible: data.Responsibility.HomeroomTeacher(absence.StudentId));
            }
        }
    }
}
