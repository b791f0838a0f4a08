using System;
using System.Collections.Generic;
using Eljur.Abstractions.Model;

namespace Eljur.Abstractions.Evaluation;

/// <summary>
/// The <see cref="MarkEntry"/> of every mark of a snapshot, grouped by kind (snapshot order within a
/// kind), so that a rule about current marks reads one contiguous run of 32-byte entries. Built once:
/// by the reader at load, or by the engine for a snapshot made in code. Each kind's run also knows its
/// first and last date and how many of its marks belong to cancelled lessons, so a range that covers
/// the run needs no pass over it at all.
/// </summary>
internal sealed class MarkEntryTable
{
    /// <summary>Kinds with a run of their own; marks of any other value go to one last run.</summary>
    internal static readonly int KindCount = Enum.GetValues(typeof(MarkKind)).Length;

    private MarkEntryTable(IReadOnlyList<Mark> marks, IReadOnlyList<Lesson>? lessons, MarkEntry[] entries, int[] markIndex, int[] runStart, int[] firstDay, int[] lastDay, int[] cancelled, int[] revised)
    {
        Marks = marks;
        Lessons = lessons;
        Entries = entries;
        MarkIndex = markIndex;
        RunStart = runStart;
        FirstDay = firstDay;
        LastDay = lastDay;
        CancelledInRun = cancelled;
        Revised = revised;
    }

    /// <summary>The marks.</summary>
    public IReadOnlyList<Mark> Marks { get; }

    /// <summary>The lessons the cancelled-lesson flags were computed against.</summary>
    public IReadOnlyList<Lesson>? Lessons { get; }

    /// <summary>The entries, run after run.</summary>
    public MarkEntry[] Entries { get; }

    /// <summary>For each entry, the position of its mark in <see cref="Marks"/>.</summary>
    public int[] MarkIndex { get; }

    /// <summary>Run <c>k</c> is <c>[RunStart[k], RunStart[k + 1])</c>; <see cref="KindCount"/> + 1 runs.</summary>
    public int[] RunStart { get; }

    /// <summary>Each run's earliest date, as days since 0001-01-01 (int.MaxValue when empty).</summary>
    public int[] FirstDay { get; }

    /// <summary>Each run's latest date (int.MinValue when empty).</summary>
    public int[] LastDay { get; }

    /// <summary>How many marks of each run belong to a cancelled lesson.</summary>
    public int[] CancelledInRun { get; }

    /// <summary>Entry positions of the revised marks, in snapshot order.</summary>
    public int[] Revised { get; }

    /// <summary>The run of a kind.</summary>
    public static int RunOf(MarkKind kind) => (uint)kind < (uint)KindCount ? (int)kind : KindCount;

    /// <summary>
    /// Builds the table. Lessons are few per mark and the marks of a lesson come together, sharing the
    /// reader's id instance: the cancelled set is consulted once per run of one lesson id.
    /// </summary>
    public static MarkEntryTable Build(IReadOnlyList<Mark> marks, IReadOnlyList<Lesson>? lessons)
    {
        var cancelledIds = new HashSet<string>(StringComparer.Ordinal);
        if (lessons is not null)
        {
            for (var i = 0; i < lessons.Count; i++)
            {
                if (lessons[i].Held == false)
                {
                    cancelledIds.Add(lessons[i].Id);
                }
            }
        }

        // Two passes over the marks: the kinds (to size the runs), then the entries straight into place —
        // one array of entries, however many marks.
        var runs = KindCount + 1;
        var counts = new int[runs];
        for (var i = 0; i < marks.Count; i++)
        {
            counts[RunOf(marks[i].Kind)]++;
        }

        var runStart = new int[runs + 1];
        for (var k = 0; k < runs; k++)
        {
            runStart[k + 1] = runStart[k] + counts[k];
        }

        var next = (int[])runStart.Clone();
        var entries = new MarkEntry[marks.Count];
        var markIndex = new int[marks.Count];
        var firstDay = new int[runs];
        var lastDay = new int[runs];
        var cancelled = new int[runs];
        for (var k = 0; k < runs; k++)
        {
            firstDay[k] = int.MaxValue;
            lastDay[k] = int.MinValue;
        }

        var revised = new List<int>();
        string? lastLessonId = null;
        var lastCancelled = false;
        for (var i = 0; i < entries.Length; i++)
        {
            var m = marks[i];
            var lessonCancelled = false;
            if (cancelledIds.Count > 0 && m.LessonId is { } lessonId)
            {
                if (!ReferenceEquals(lessonId, lastLessonId))
                {
                    lastLessonId = lessonId;
                    lastCancelled = cancelledIds.Contains(lessonId);
                }

                lessonCancelled = lastCancelled;
            }

            var k = RunOf(m.Kind);
            var at = next[k]++;
            entries[at] = new MarkEntry(m, lessonCancelled);
            markIndex[at] = i;
            ref readonly var e = ref entries[at];
            firstDay[k] = Math.Min(firstDay[k], e.Day);
            lastDay[k] = Math.Max(lastDay[k], e.Day);
            if (lessonCancelled)
            {
                cancelled[k]++;
            }

            if (e.IsRevised)
            {
                revised.Add(at);
            }
        }

        // The revised entries were met in snapshot order.
        return new MarkEntryTable(marks, lessons, entries, markIndex, runStart, firstDay, lastDay, cancelled, revised.ToArray());
    }
}
