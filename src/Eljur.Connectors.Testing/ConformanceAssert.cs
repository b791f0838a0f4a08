using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Xunit;

namespace Eljur.Connectors.Testing;

/// <summary>Checks of the conformance suite that a connector's own tests can reuse.</summary>
public static class ConformanceAssert
{
    /// <summary>The snapshot as compact <c>eljur.snapshot/1</c> text (the form snapshots are compared in).</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(GradebookSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        SnapshotWriter.Write(snapshot, stream, indented: false);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Writes the snapshot, reads it back with the validating reader (references, duplicates,
    /// formats) and writes it again: both texts must be equal.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The snapshot as read back.</returns>
    public static GradebookSnapshot PassesReaderAndRoundTrips(GradebookSnapshot snapshot)
    {
        var first = ToJson(snapshot);
        GradebookSnapshot read;
        try
        {
            read = SnapshotReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(first)), "fetched snapshot");
        }
        catch (SnapshotFormatException ex)
        {
            throw new Xunit.Sdk.XunitException("The fetched snapshot does not pass the snapshot reader: " + ex.Message);
        }

        Assert.Equal(first, ToJson(read));
        return read;
    }

    /// <summary>
    /// What the snapshot fills against what its source declares: every declared capability has data
    /// (the fixture must exercise it) and nothing undeclared is filled. Empty when they match.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>One line per mismatch.</returns>
    public static IReadOnlyList<string> CapabilityMismatches(GradebookSnapshot snapshot)
    {
        if (snapshot is null)
        {
            throw new ArgumentNullException(nameof(snapshot));
        }

        var problems = new List<string>();
        var declared = new CapabilitySet(snapshot.Source.Capabilities);
        var unknown = snapshot.Source.Capabilities.Where(c => !Capability.All.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            problems.Add("unknown capabilities declared: " + string.Join(", ", unknown));
        }

        var lessons = snapshot.Lessons ?? Array.Empty<Lesson>();
        var marks = snapshot.Marks ?? Array.Empty<Mark>();
        var absences = snapshot.Absences ?? Array.Empty<Absence>();

        void List<T>(string capability, IReadOnlyList<T>? list)
        {
            if (declared.Has(capability) && (list is null || list.Count == 0))
            {
                problems.Add($"{capability} is declared but the snapshot has none (the fixture must exercise every declared capability)");
            }
            else if (!declared.Has(capability) && list is { Count: > 0 })
            {
                problems.Add($"{capability} is not declared but the snapshot has {list.Count}");
            }
        }

        void Field(string capability, int filled, int total, bool everyRecord)
        {
            if (declared.Has(capability))
            {
                if (filled == 0 || (everyRecord && filled < total))
                {
                    problems.Add($"{capability} is declared but filled on {filled} of {total} records");
                }
            }
            else if (filled > 0)
            {
                problems.Add($"{capability} is not declared but filled on {filled} of {total} records");
            }
        }

        List(Capability.Lessons, snapshot.Lessons);
        List(Capability.Marks, snapshot.Marks);
        List(Capability.Absences, snapshot.Absences);
        List(Capability.Periods, snapshot.Periods);
        List(Capability.Plans, snapshot.Plans);
        List(Capability.GiaResults, snapshot.GiaResults);
        List(Capability.Accounts, snapshot.Accounts);
        List(Capability.Logins, snapshot.Logins);
        List(Capability.Operations, snapshot.Operations);
        List(Capability.Archive, snapshot.Archive);

        Field(Capability.Topics, lessons.Count(l => l.Topic is not null), lessons.Count, everyRecord: false);
        Field(Capability.Homework, lessons.Count(l => l.Homework is not null), lessons.Count, everyRecord: false);
        Field(Capability.LessonTimes, lessons.Count(l => l.Start is not null && l.End is not null), lessons.Count, everyRecord: true);
        if (lessons.Any(l => (l.Start is null) != (l.End is null)))
        {
            problems.Add("some lessons have a start without an end or an end without a start");
        }

        if (lessons.Any(l => l.Start is { } s && l.End is { } e && e <= s))
        {
            problems.Add("some lessons end before they start");
        }

        Field(Capability.MarkEntryTimes, marks.Count(m => m.EnteredAt is not null), marks.Count, everyRecord: true);
        Field(Capability.AbsenceEntryTimes, absences.Count(a => a.EnteredAt is not null), absences.Count, everyRecord: true);
        Field(Capability.TopicEntryTimes, lessons.Count(l => l.TopicEnteredAt is not null), lessons.Count(l => l.Topic is not null), everyRecord: true);
        Field(Capability.HomeworkEntryTimes, lessons.Count(l => l.HomeworkEnteredAt is not null), lessons.Count(l => l.Homework is not null), everyRecord: true);
        Field(Capability.Revisions, marks.Count(m => m.Revisions.Count > 0), marks.Count, everyRecord: false);
        var authored = marks.Count(m => m.EnteredBy is not null || m.Revisions.Any(r => r.By is not null)) + absences.Count(a => a.EnteredBy is not null);
        Field(Capability.Authors, authored, marks.Count + absences.Count, everyRecord: false);
        Field(Capability.Consents, (snapshot.Students ?? Array.Empty<Student>()).Count(s => s.Consent is not null), snapshot.Students?.Count ?? 0, everyRecord: false);
        return problems;
    }
}
