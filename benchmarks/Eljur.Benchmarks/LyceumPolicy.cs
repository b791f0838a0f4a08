using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Eljur.Abstractions.Policies;
using Eljur.Rules;

namespace Eljur.Benchmarks;

/// <summary>
/// The <c>lyceum68-ufa-2023</c> policy: the shipped preset when this build has it; otherwise the same
/// table of <c>rules.md</c> built in code, keeping only the rule uses the current catalog can bind (the
/// others are listed in <see cref="Note"/>).
/// </summary>
internal static class LyceumPolicy
{
    public const string Id = "lyceum68-ufa-2023";

    /// <summary>The preset table of rules.md, one JSON rule use per row.</summary>
    private static readonly string[] Uses =
    {
        """{ "rule": "lesson-topic", "clause": "5.1", "params": { "deadline": "sameDay" } }""",
        """{ "rule": "absence-entry", "clause": "5.1", "params": { "deadline": "sameDay" } }""",
        """{ "rule": "homework", "clause": "5.2", "params": { "deadline": "sameDay" } }""",
        """{ "rule": "current-mark-entry", "clause": "5.3, 3.6.8", "params": { "deadline": "sameDay" } }""",
        """{ "rule": "written-mark-entry", "clause": "5.4", "params": { "bySubject": [ { "subjects": [ "Русский язык", "Литература" ], "workingDays": 10 } ], "defaultWorkingDays": 5 } }""",
        """{ "rule": "gia-entry", "clause": "5.5", "params": { "workingDays": 3 } }""",
        """{ "rule": "final-after-gia", "clause": "5.6", "params": { "grade": 9, "workingDays": 3 } }""",
        """{ "rule": "period-marks", "clause": "3.6.5", "params": { "graceDays": 0, "exemptGrades": [ 1 ] } }""",
        """{ "rule": "mark-correction", "clause": "3.6.8", "params": { "windowDays": null } }""",
        """{ "rule": "year-end-archive", "clause": "6.2, 6.3, 6.4", "params": { "documents": [ { "documentType": "classJournal", "perClass": true, "due": "06-30" }, { "documentType": "summarySheet", "perClass": false, "due": "06-30" }, { "documentType": "electronicCopy", "perClass": false, "due": "06-30" } ] } }""",
        """{ "rule": "retention", "clause": "6.2, 6.3", "params": { "years": { "classJournal": 5, "summarySheet": 75 } } }""",
        """{ "metric": "students-without-marks", "clause": "3.4.6, 3.7.4" }""",
        """{ "metric": "students-with-one-mark", "clause": "3.4.6, 3.7.4" }""",
        """{ "metric": "homework-recorded", "clause": "3.4.6, 3.7.4" }""",
        """{ "metric": "teacher-participation", "clause": "3.4.6, 3.7.4" }""",
        """{ "metric": "parent-participation", "clause": "3.4.6, 3.7.4" }""",
        """{ "metric": "student-participation", "clause": "3.4.6, 3.7.4" }""",
    };

    private static readonly Lazy<(Policy Policy, string Note)> Loaded = new(Load);

    public static Policy Policy => Loaded.Value.Policy;

    /// <summary>Where the policy came from, and what it lacks when built in code.</summary>
    public static string Note => Loaded.Value.Note;

    /// <summary>The three rules of the side-by-side, with the preset's parameters.</summary>
    public static Policy ThreeRules { get; } = Read(new[] { Uses[3], Uses[4], Uses[8] }, "three-rules");

    private static (Policy, string) Load()
    {
        if (Presets.Exists(Id))
        {
            var preset = Presets.Load(Id);
            return (preset, $"the shipped preset {Id} ({preset.Uses.Count} rule uses)");
        }

        var kept = new List<string>();
        var skipped = new List<string>();
        foreach (var use in Uses)
        {
            try
            {
                Read(new[] { use }, "probe");
                kept.Add(use);
            }
            catch (PolicyException)
            {
                skipped.Add(use.Split('"')[3]);
            }
        }

        var policy = Read(kept, Id);
        var note = $"preset {Id} not in this build: its rules.md table built in code, {kept.Count} of {Uses.Length} uses"
            + (skipped.Count > 0 ? "; not in the catalog yet: " + string.Join(", ", skipped) : "");
        return (policy, note);
    }

    private static Policy Read(IEnumerable<string> uses, string id)
    {
        var json = "{ \"format\": \"eljur.policy/1\", \"id\": \"" + id + "\", \"title\": \"" + id + " (benchmark)\", \"rules\": [ " + string.Join(", ", uses) + " ] }";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return PolicyReader.Read(stream, id, StandardRules.Catalog);
    }
}
