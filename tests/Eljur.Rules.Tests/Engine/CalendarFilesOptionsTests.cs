using System;
using System.IO;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;
using Eljur.Rules.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Eljur.Rules.Tests.TestData.Dt;

namespace Eljur.Rules.Tests.Engine;

/// <summary><see cref="GradebookOptions.CalendarFiles"/>: an integrator adds a year from an xmlcalendar file.</summary>
public sealed class CalendarFilesOptionsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("eljur-calendar-options-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string File2028(string days)
    {
        var path = Path.Combine(_dir.FullName, "2028.xml");
        File.WriteAllText(path, "<calendar year=\"2028\">\n  <days>\n" + days + "  </days>\n</calendar>\n");
        return path;
    }

    [Fact]
    public void AFileAddsTheYearToTheEngine()
    {
        // Mon 3 Jan 2028 made a day off in this file (a made-up year for the test).
        var path = File2028("    <day d=\"01.03\" t=\"1\"/>\n");
        using var provider = new ServiceCollection().AddGradebook(o => o.CalendarFiles.Add(path)).Services.BuildServiceProvider();

        var calendar = provider.GetRequiredService<IProductionCalendar>();
        Assert.True(calendar.Covers(2028));
        Assert.True(calendar.Covers(2027));
        Assert.False(calendar.IsWorkingDay(new DateTime(2028, 1, 3), 5));

        var snapshot = SnapshotBuilder.School().Range("2027-12-01", "2027-12-31")
            .Mark("m1", "2027-12-30", MarkKind.Written, m => m with { EnteredAt = T("2028-01-20T10:00:00+05:00") })
            .Build();
        var report = provider.GetRequiredService<IPolicyEngine>().Evaluate(
            snapshot,
            Check.Policy(Check.Use("written-mark-entry", """{ "defaultWorkingDays": 1 }""")),
            new EvaluationOptions { AsOf = T("2028-02-01T12:00:00+05:00") });

        Assert.Empty(report.NotEvaluable);
        Assert.Equal(new[] { "written-mark-entry late certain mark:m1 2028-01-04T23:59:59.999+05:00 2028-01-20T10:00:00+05:00" }, Check.Lines(report));
    }

    [Fact]
    public void ABadFileFailsOnStartNamingTheFileAndLine()
    {
        var path = File2028("    <day d=\"01.03\" t=\"1\"/>\n    <day d=\"02.30\" t=\"1\"/>\n");
        using var provider = new ServiceCollection().AddGradebook(o => o.CalendarFiles.Add(path)).Services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GradebookOptions>>().Value);
        var failure = Assert.Single(ex.Failures);
        Assert.Contains(path, failure, StringComparison.Ordinal);
        Assert.Contains("line 4", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileFailsOnStartNamingIt()
    {
        var path = Path.Combine(_dir.FullName, "нет-такого.xml");
        using var provider = new ServiceCollection().AddGradebook(o => o.CalendarFiles.Add(path)).Services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GradebookOptions>>().Value);
        Assert.Contains("нет-такого.xml", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }
}
