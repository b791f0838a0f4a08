using System;
using System.Linq;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;
using Eljur.Abstractions.Snapshots;
using static Eljur.Abstractions.Tests.Snapshots.SnapshotTestSupport;

namespace Eljur.Abstractions.Tests.Snapshots;

/// <summary><c>source.unmapped</c>: read, written, round-tripped, summed up in Russian and turned into a check's warning.</summary>
public class UnmappedRecordsTests
{
    private const string Json = """
        {
          "format": "eljur.snapshot/1",
          "source": {
            "connector": "mosreg", "fetchedAt": "2024-10-20T12:00:00+03:00", "from": "2024-09-23", "to": "2024-10-06",
            "capabilities": ["marks"],
            "unmapped": {
              "count": 3,
              "examples": [
                { "kind": "finalMark", "vendorId": "2300000000000004009", "reason": "учебный период 49 не найден среди периодов класса" },
                { "kind": "finalMark", "vendorId": "2300000000000004010", "reason": "у итоговой отметки не указан предмет", "note": 1 },
                { "kind": "mark", "vendorId": "m7", "reason": "отметка не связана ни с уроком, ни с работой" }
              ],
              "since": "2024-10-01"
            }
          },
          "school": { "id": "1", "name": "Лицей", "timeZone": "Europe/Moscow", "workWeek": 5 }
        }
        """;

    [Fact]
    public void Unmapped_is_read_and_round_trips_with_unknown_properties()
    {
        var first = Read(Json);
        var unmapped = first.Source.Unmapped!;
        Assert.Equal(3, unmapped.Count);
        Assert.Equal(new[] { "finalMark", "finalMark", "mark" }, unmapped.Examples.Select(e => e.Kind));
        Assert.Equal("2300000000000004009", unmapped.Examples[0].VendorId);
        Assert.Equal("\"2024-10-01\"", unmapped.ExtensionData!["since"]);
        Assert.Equal("1", unmapped.Examples[1].ExtensionData!["note"]);

        var text = Write(first);
        var second = Read(text);
        Assert.Equal(text, Write(second));
        AssertDeepEqual(first, second);
    }

    [Fact]
    public void No_unmapped_stays_absent_and_a_negative_count_or_a_numeric_id_is_bad_input()
    {
        var none = Json.Replace("\"unmapped\"", "\"unmappedLater\"", StringComparison.Ordinal);
        Assert.Null(Read(none).Source.Unmapped);
        Assert.DoesNotContain("\"unmapped\"", Write(Read(none.Replace(",\n      \"unmappedLater\"", ",\n      \"x\"", StringComparison.Ordinal))), StringComparison.Ordinal);

        var negative = Assert.Throws<SnapshotFormatException>(() => Read(Json.Replace("\"count\": 3", "\"count\": -1", StringComparison.Ordinal)));
        Assert.Contains("count must not be negative", negative.Message, StringComparison.Ordinal);
        var numeric = Assert.Throws<SnapshotFormatException>(() => Read(Json.Replace("\"vendorId\": \"m7\"", "\"vendorId\": 7", StringComparison.Ordinal)));
        Assert.Contains("$.source.unmapped.examples[2].vendorId", numeric.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_counts_all_and_keeps_twenty_examples_taking_every_kind_in_turn()
    {
        var records = Enumerable.Range(0, 30).Select(i => new UnmappedRecord { Kind = "mark", VendorId = "m" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), Reason = "r" })
            .Append(new UnmappedRecord { Kind = "lesson", VendorId = "l1", Reason = "r" })
            .Append(new UnmappedRecord { Kind = "mark", VendorId = "m00", Reason = "r" }) // the same record twice counts once
            .ToList();
        var summary = UnmappedRecords.From(records)!;
        Assert.Equal(31, summary.Count);
        Assert.Equal(UnmappedRecords.MaxExamples, summary.Examples.Count);
        Assert.Contains(summary.Examples, e => e.Kind == "lesson");
        Assert.Equal(19, summary.Examples.Count(e => e.Kind == "mark"));
        Assert.Equal("m00", summary.Examples.First(e => e.Kind == "mark").VendorId);
        Assert.Null(UnmappedRecords.From(Array.Empty<UnmappedRecord>()));
    }

    [Theory]
    [InlineData(1, "итоговую отметку")]
    [InlineData(3, "итоговые отметки")]
    [InlineData(5, "итоговых отметок")]
    [InlineData(11, "итоговых отметок")]
    [InlineData(12, "итоговых отметок")]
    [InlineData(21, "итоговую отметку")]
    [InlineData(22, "итоговые отметки")]
    [InlineData(111, "итоговых отметок")]
    public void The_summary_uses_the_right_plural(int n, string form) =>
        Assert.Equal(form, UnmappedSummary.Plural(n, "итоговую отметку", "итоговые отметки", "итоговых отметок"));

    [Fact]
    public void The_summary_names_counts_per_kind_and_the_first_examples_in_russian()
    {
        var unmapped = Read(Json).Source.Unmapped;
        Assert.Equal(
            "Не удалось разобрать 2 итоговые отметки, 1 отметку: итоговая отметка 2300000000000004009 — учебный период 49 не найден среди периодов класса; "
            + "итоговая отметка 2300000000000004010 — у итоговой отметки не указан предмет; отметка m7 — отметка не связана ни с уроком, ни с работой. "
            + "Этих записей нет в снимке: данные неполны, проверка может пропустить нарушения.",
            UnmappedSummary.Describe(unmapped));

        // More records than examples: the total, not a guess per kind.
        var many = unmapped! with { Count = 1250 };
        Assert.StartsWith("Не удалось разобрать 1 250 записей: итоговая отметка", UnmappedSummary.Describe(many)!.Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Null(UnmappedSummary.Describe(null));
        Assert.Null(UnmappedSummary.Describe(new UnmappedRecords { Count = 0 }));
    }

    [Fact]
    public void A_check_over_a_snapshot_with_unmapped_records_warns_and_the_json_report_carries_it()
    {
        var snapshot = Read(Json);
        var engine = new PolicyEngine(new RuleCatalog(Array.Empty<RuleDefinition>()), ProductionCalendar.Russia, TimeProvider.System);
        var policy = new Policy { Id = "empty", Title = "Пусто" };
        var report = engine.Evaluate(snapshot, policy, new EvaluationOptions { AsOf = new DateTimeOffset(2024, 10, 20, 12, 0, 0, TimeSpan.FromHours(3)) });
        // The unmapped records come first; the snapshot also holds no lesson in range, which has its own warning.
        var warning = report.Warnings[0];
        Assert.StartsWith("Не удалось разобрать 2 итоговые отметки, 1 отметку", warning, StringComparison.Ordinal);

        var clean = engine.Evaluate(snapshot with { Source = snapshot.Source with { Unmapped = null } }, policy, new EvaluationOptions { AsOf = new DateTimeOffset(2024, 10, 20, 12, 0, 0, TimeSpan.FromHours(3)) });
        Assert.DoesNotContain(clean.Warnings, w => w.StartsWith("Не удалось разобрать", StringComparison.Ordinal));
        Assert.Equal(report.Warnings.Count - 1, clean.Warnings.Count);

        var json = new System.IO.StringWriter();
        ReportJsonWriter.Write(report, json);
        var parsed = Newtonsoft.Json.Linq.JObject.Parse(json.ToString());
        Assert.Equal(warning, (string?)parsed["warnings"]![0]);
    }
}
