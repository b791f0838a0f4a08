using System;
using System.Collections.Generic;
using Eljur.Abstractions.Model;

namespace Eljur.Abstractions.Evaluation;

/// <summary>
/// The snapshot as it stood at the as-of moment (rules.md, "Time"): facts dated after it — entries,
/// revisions, destructions, logins, operations — have not happened yet as far as the check is concerned.
/// </summary>
/// <remarks>
/// A record entered after as-of is left out (a mark, an absence, a plan, a GIA result, an account created
/// later); a text entered after it is absent (a topic, homework, a comment, the «held: true» mark; a
/// cancellation stands whenever it was recorded); a revision
/// after it is undone (the mark keeps the value it had); a destruction, an activation or a last login after it
/// has not happened; an archive record archived after the as-of date is not in the register yet. Entry times
/// that are unknown are kept: the rules charge them to the missing capability. The snapshot is returned
/// unchanged (the same instance) when nothing is dated after as-of, and only the lists that change are copied.
/// </remarks>
internal static class AsOfView
{
    /// <summary>The snapshot at <paramref name="asOf"/>.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="asOf">The as-of moment.</param>
    /// <param name="asOfDate">Its date in the school's time zone (archive dates are plain dates).</param>
    /// <returns>The snapshot, or a copy without the facts after <paramref name="asOf"/>.</returns>
    public static GradebookSnapshot Of(GradebookSnapshot snapshot, DateTimeOffset asOf, DateTime asOfDate)
    {
        var ticks = asOf.UtcTicks;
        bool After(DateTimeOffset? at) => at is { } a && a.UtcTicks > ticks;

        var marks = Filter(snapshot.Marks, m => After(m.EnteredAt) ? null : Revised(m, ticks));
        var lessons = Filter(snapshot.Lessons, l => AtMoment(l, ticks));
        var absences = Filter(snapshot.Absences, a => After(a.EnteredAt) ? null : a);
        var plans = Filter(snapshot.Plans, p => After(p.EnteredAt) ? null : p);
        var gia = Filter(snapshot.GiaResults, g => After(g.EnteredAt) ? null : g);
        var accounts = Filter(snapshot.Accounts, a => AtMoment(a, ticks));
        var logins = Filter(snapshot.Logins, l => After(l.At) ? null : l);
        var operations = Filter(snapshot.Operations, o => After(o.At) ? null : o);
        var archive = Filter(snapshot.Archive, r => r.ArchivedOn.Date > asOfDate ? null
            : r.DestroyedOn is { } d && d.Date > asOfDate ? r with { DestroyedOn = null } : r);

        if (marks is null && lessons is null && absences is null && plans is null && gia is null
            && accounts is null && logins is null && operations is null && archive is null)
        {
            return snapshot;
        }

        return snapshot with
        {
            Marks = marks ?? snapshot.Marks,
            Lessons = lessons ?? snapshot.Lessons,
            Absences = absences ?? snapshot.Absences,
            Plans = plans ?? snapshot.Plans,
            GiaResults = gia ?? snapshot.GiaResults,
            Accounts = accounts ?? snapshot.Accounts,
            Logins = logins ?? snapshot.Logins,
            Operations = operations ?? snapshot.Operations,
            Archive = archive ?? snapshot.Archive,
        };
    }

    /// <summary>
    /// The records as of the moment (<paramref name="at"/> gives a record's state then, or null when it did
    /// not exist yet), or null when every record is unchanged: the list is copied only from the first change.
    /// </summary>
    private static List<T>? Filter<T>(IReadOnlyList<T>? records, Func<T, T?> at)
        where T : class
    {
        if (records is null)
        {
            return null;
        }

        List<T>? copy = null;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var then = at(record);
            if (copy is null)
            {
                if (ReferenceEquals(then, record))
                {
                    continue;
                }

                copy = new List<T>(records.Count);
                for (var j = 0; j < i; j++)
                {
                    copy.Add(records[j]);
                }
            }

            if (then is not null)
            {
                copy.Add(then);
            }
        }

        return copy;
    }

    /// <summary>The mark without its revisions after the moment; its value is the one it had then.</summary>
    private static Mark Revised(Mark mark, long ticks)
    {
        var revisions = mark.Revisions;
        for (var i = 0; i < revisions.Count; i++)
        {
            if (revisions[i].At.UtcTicks > ticks)
            {
                var kept = new List<MarkRevision>(i);
                for (var j = 0; j < revisions.Count; j++)
                {
                    if (revisions[j].At.UtcTicks <= ticks)
                    {
                        kept.Add(revisions[j]);
                    }
                }

                // The value then: the first later revision's «from» (revisions are in time order).
                return mark with { Revisions = kept, Value = revisions[i].From };
            }
        }

        return mark;
    }

    private static Lesson AtMoment(Lesson lesson, long ticks)
    {
        var topic = lesson.TopicEnteredAt is { } t && t.UtcTicks > ticks;
        var homework = lesson.HomeworkEnteredAt is { } h && h.UtcTicks > ticks;
        var comment = lesson.CommentEnteredAt is { } c && c.UtcTicks > ticks;
        // A cancellation (held: false) stands whenever it was recorded: a cancelled lesson is out of every rule.
        var held = lesson.Held == true && lesson.HeldAt is { } e && e.UtcTicks > ticks;
        if (!(topic || homework || comment || held))
        {
            return lesson;
        }

        var then = lesson;
        if (topic)
        {
            then = then with { Topic = null, TopicEnteredAt = null, TopicEnteredAfter = null };
        }

        if (homework)
        {
            then = then with { Homework = null, HomeworkEnteredAt = null, HomeworkEnteredAfter = null };
        }

        if (comment)
        {
            then = then with { Comment = null, CommentEnteredAt = null };
        }

        if (held)
        {
            // «Held» entered later: not yet marked as held (a journal entry of its own for the metrics).
            then = then with { Held = null, HeldAt = null };
        }

        return then;
    }

    private static Account? AtMoment(Account account, long ticks)
    {
        if (account.CreatedAt is { } created && created.UtcTicks > ticks)
        {
            return null;
        }

        var activated = account.ActivatedAt is { } a && a.UtcTicks > ticks;
        var login = account.LastLoginAt is { } l && l.UtcTicks > ticks;
        if (!activated && !login)
        {
            return account;
        }

        return account with
        {
            ActivatedAt = activated ? null : account.ActivatedAt,
            LastLoginAt = login ? null : account.LastLoginAt,
        };
    }
}
