using System;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using static Eljur.Abstractions.Tests.Snapshots.SnapshotTestSupport;

namespace Eljur.Abstractions.Tests.Snapshots;

/// <summary><c>source.unmapped</c>: read, written and read back unchanged; absent stays absent.</summary>
public sealed class SnapshotUnmappedTests
{
    private const string Json = """
        {
          "format": "eljur.snapshot/1",
          "source": {
            "connector": "mosreg", "fetchedAt": "2024-10-01T18:05:00+03:00", "from": "2024-09-01", "to": "2024-10-01",
            "capabilities": ["marks"],
            "unmapped": {
              "count": 37,
              "examples": [
                { "kind": "finalMark", "vendorId": "9007199254740993123", "reason": "нет такого предмета в учебном плане" },
                { "kind": "mark", "vendorId": "m-7", "reason": "ученик не найден", "vendorNote": { "raw": [1, "два"] } }
              ],
              "sampledAt": "2024-10-01"
            }
          },
          "school": { "id": "sch", "timeZone": "Europe/Moscow", "workWeek": 5 }
        }
        """;

    [Fact]
    public void Unmapped_records_are_read()
    {
        var u = Read(Json).Source.Unmapped!;

        Assert.Equal(37, u.Count);
        Assert.Equal(2, u.Examples.Count);
        Assert.Equal("finalMark", u.Examples[0].Kind);
        Assert.Equal("9007199254740993123", u.Examples[0].VendorId);
        Assert.Equal("нет такого предмета в учебном плане", u.Examples[0].Reason);
        Assert.Equal("{\"raw\":[1,\"два\"]}", u.Examples[1].ExtensionData!["vendorNote"]);
        Assert.Equal("\"2024-10-01\"", u.ExtensionData!["sampledAt"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Unmapped_records_round_trip(bool indented)
    {
        var s = Read(Json);
        var text = Write(s, indented);
        var again = Read(text);

        AssertDeepEqual(s, again);
        Assert.Contains("unmapped", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_built_in_code_round_trips_its_unmapped_records()
    {
        var s = Read(Json) with { };
        var built = s with
        {
            Source = s.Source with
            {
                Unmapped = new UnmappedRecords { Count = 1, Examples = new[] { new UnmappedRecord { Kind = "lesson", VendorId = "L-1", Reason = "нет даты" } } },
            },
        };

        AssertDeepEqual(built, Read(Write(built)));
    }

    [Fact]
    public void Absent_unmapped_stays_absent()
    {
        var s = Read(Json.Replace("\"unmapped\"", "\"unmappedLater\"", StringComparison.Ordinal));
        Assert.Null(s.Source.Unmapped);
        Assert.DoesNotContain("\"unmapped\"", Write(s), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"count\": 37,", "", "$.source.unmapped.count", "required field \"count\" is missing or null")]
    [InlineData("\"count\": 37,", "\"count\": -1,", "$.source.unmapped.count", "count must not be negative")]
    [InlineData("\"count\": 37,", "\"count\": \"37\",", "$.source.unmapped.count", "expected an integer, found String")]
    public void Bad_unmapped_records_name_the_path(string from, string to, string path, string problem)
    {
        var e = Assert.Throws<SnapshotFormatException>(() => Read(Json.Replace(from, to, StringComparison.Ordinal)));
        Assert.Equal(path, e.JsonPath);
        Assert.Equal(problem, e.Problem);
        Assert.NotNull(e.LineNumber);
    }
}
