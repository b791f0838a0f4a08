using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Xunit.Abstractions;

namespace Eljur.Abstractions.Tests.Snapshots;

public class SnapshotLargeFileTests
{
    private const int Students = 1_000;
    private const int Lessons = 10_000;
    private const int Marks = 100_000;

    private readonly ITestOutputHelper _output;

    public SnapshotLargeFileTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void A_generated_snapshot_of_about_20_MB_reads_correctly()
    {
        var path = Path.Combine(Path.GetTempPath(), "large-snapshot-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            Generate(path);
            var size = new FileInfo(path).Length;
            Assert.InRange(size, 18_000_000, 25_000_000);

            var watch = Stopwatch.StartNew();
            var s = SnapshotReader.ReadFile(path);
            watch.Stop();
            _output.WriteLine(
                "read {0:F1} MB in {1} ms: {2:F0} MB/s",
                size / 1e6,
                watch.ElapsedMilliseconds,
                size / 1e6 / watch.Elapsed.TotalSeconds);

            Assert.Equal(3, s.Subjects!.Count);
            Assert.Equal(40, s.Classes!.Count);
            Assert.Equal(Students, s.Students!.Count);
            Assert.Equal(Lessons, s.Lessons!.Count);
            Assert.Equal(Marks, s.Marks!.Count);
            Assert.Equal(Marks / 10, s.Absences!.Count);
            Assert.Null(s.Accounts);

            var m = s.Marks[Marks - 1];
            Assert.Equal("m" + (Marks - 1).ToString(CultureInfo.InvariantCulture), m.Id);
            Assert.Equal("s" + ((Marks - 1) % Students).ToString(CultureInfo.InvariantCulture), m.StudentId);
            Assert.Equal("l" + ((Marks - 1) % Lessons).ToString(CultureInfo.InvariantCulture), m.LessonId);
            Assert.Equal(MarkKind.Written, m.Kind);
            Assert.Equal(TimeSpan.FromHours(5), m.EnteredAt!.Value.Offset);
            Assert.Equal(1.5m, m.Weight);
            Assert.Equal(2, s.Marks[7].Revisions.Count);
            Assert.Equal("Тема урока № 9999", s.Lessons[Lessons - 1].Topic);
            Assert.Equal(new TimeSpan(9, 15, 0), s.Lessons[0].Start);
            Assert.True(s.Absences[0].Late);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Generate(string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write("{\n  \"format\": \"eljur.snapshot/1\",\n");
        w.Write("  \"source\": { \"connector\": \"demo\", \"fetchedAt\": \"2025-05-31T23:00:00+05:00\", \"from\": \"2024-09-01\", \"to\": \"2025-05-31\", \"capabilities\": [\"lessons\", \"marks\", \"absences\", \"entryTimes\", \"revisions\"] },\n");
        w.Write("  \"school\": { \"id\": \"66-001\", \"name\": \"Школа № 1\", \"timeZone\": \"Asia/Yekaterinburg\", \"workWeek\": 5 },\n");
        w.Write("  \"subjects\": [ { \"id\": \"rus\", \"name\": \"Русский язык\" }, { \"id\": \"alg\", \"name\": \"Алгебра\" }, { \"id\": \"his\", \"name\": \"История\" } ],\n");
        w.Write("  \"classes\": [\n");
        for (var c = 0; c < 40; c++)
        {
            w.Write(c == 0 ? "" : ",\n");
            w.Write("    { \"id\": \"c" + c + "\", \"name\": \"" + (1 + (c % 11)) + "А\", \"grade\": " + (1 + (c % 11)) + " }");
        }

        w.Write("\n  ],\n  \"students\": [\n");
        for (var i = 0; i < Students; i++)
        {
            w.Write(i == 0 ? "" : ",\n");
            w.Write("    { \"id\": \"s" + i + "\", \"name\": \"Ученик Номер " + i + "\", \"classId\": \"c" + (i % 40) + "\", \"enrolledOn\": \"2016-09-01\", \"consent\": true }");
        }

        string[] subjects = { "rus", "alg", "his" };
        w.Write("\n  ],\n  \"lessons\": [\n");
        for (var i = 0; i < Lessons; i++)
        {
            var day = new DateTime(2024, 9, 2).AddDays(i % 250).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            w.Write(i == 0 ? "" : ",\n");
            w.Write("    { \"id\": \"l" + i + "\", \"classId\": \"c" + (i % 40) + "\", \"subjectId\": \"" + subjects[i % 3] + "\", \"date\": \"" + day
                + "\", \"start\": \"09:15\", \"end\": \"10:00\", \"topic\": \"Тема урока № " + i + "\", \"topicEnteredAt\": \"" + day + "T18:30:00+05:00\" }");
        }

        w.Write("\n  ],\n  \"absences\": [\n");
        for (var i = 0; i < Marks / 10; i++)
        {
            w.Write(i == 0 ? "" : ",\n");
            w.Write("    { \"lessonId\": \"l" + (i % Lessons) + "\", \"studentId\": \"s" + (i % Students) + "\", \"reason\": \"invalid\", \"late\": true, \"enteredAt\": \"2024-09-02T09:00:00+05:00\" }");
        }

        w.Write("\n  ],\n  \"marks\":[\n");
        for (var i = 0; i < Marks; i++)
        {
            var day = new DateTime(2024, 9, 2).AddDays(i % 250).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            w.Write(i == 0 ? "" : ",\n");
            w.Write("    {\"id\":\"m" + i + "\",\"studentId\":\"s" + (i % Students) + "\",\"subjectId\":\"" + subjects[i % 3] + "\",\"lessonId\":\"l" + (i % Lessons)
                + "\",\"date\":\"" + day + "\",\"kind\":\"written\",\"value\":\"" + (2 + (i % 4)) + "\",\"weight\":1.5,\"enteredAt\":\"" + day
                + "T17:45:12+05:00\",\"enteredBy\":\"t" + (i % 50) + "\"");
            if (i % 10 == 7)
            {
                w.Write(",\"revisions\":[{\"at\":\"" + day + "T17:00:00+05:00\",\"from\":\"\",\"to\":\"3\"}, {\"at\":\"" + day + "T17:45:12+05:00\",\"from\":\"3\",\"to\":\"" + (2 + (i % 4)) + "\"}]");
            }

            w.Write("}");
        }

        w.Write("\n  ]\n}\n");
    }
}
