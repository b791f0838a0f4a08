using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Eljur.Connectors.Eljur.Tests.Mock;
using Eljur.Connectors.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Eljur.Connectors.Eljur.Tests;

/// <summary>A ЭлЖур mock and a connector registered against it through <c>AddGradebook().AddEljur(…)</c>.</summary>
internal sealed class EljurFixture : IDisposable
{
    public static readonly DateTime TermStart = new(2024, 9, 2);
    public static readonly DateTime TermEnd = new(2024, 10, 27);

    private readonly Action<EljurConnectorOptions>? _configure;
    private ServiceProvider? _services;

    public EljurFixture(Action<EljurConnectorOptions>? configure = null, MockSchool? school = null)
    {
        _configure = configure;
        Mock = new EljurMockServer(school);
    }

    public EljurMockServer Mock { get; }

    public TestClock Clock { get; } = new(new DateTimeOffset(2024, 11, 20, 7, 0, 0, TimeSpan.Zero));

    public CapturingLoggerProvider Logs { get; } = new();

    public ServiceProvider Services => _services ??= Build();

    public IGradebookConnector Connector => Services.GetRequiredService<IGradebookConnectorFactory>().Create("eljur");

    public EljurConnector Eljur => (EljurConnector)Connector;

    public Task<GradebookSnapshot> FetchAsync(DateTime from, DateTime to, IReadOnlyList<string>? classes = null, CancellationToken cancellationToken = default) =>
        Connector.FetchAsync(new FetchRequest { From = from, To = to, Classes = classes }, null, cancellationToken);

    public Task<GradebookSnapshot> FetchTermAsync() => FetchAsync(TermStart, TermEnd);

    public void Dispose()
    {
        _services?.Dispose();
        Mock.Dispose();
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddGradebook().AddEljur(o =>
        {
            o.BaseUrl = Mock.BaseUrl;
            o.Vendor = MockSchool.Vendor;
            o.DevKey = MockSchool.DevKey;
            o.Login = MockSchool.TeacherLogin;
            o.Password = MockSchool.TeacherPassword;
            o.TimeZone = "Europe/Moscow";
            o.SchoolName = "Гимназия № 7";
            o.RequestTimeout = TimeSpan.FromSeconds(10); // generous: tests that count calls must not see a spurious retry
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            o.MaxRetryDelay = TimeSpan.FromSeconds(2);
            _configure?.Invoke(o);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

/// <summary>What a snapshot must hold, computed from the mock school independently of the connector.</summary>
internal static class Expected
{
    public static string LessonId(MockLesson l) =>
        l.LessonId is null
            ? string.Join(":", l.ClassName, l.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture), (l.Extday ? "extday" : "") + l.Number.ToString(CultureInfo.InvariantCulture), l.Subject) + (l.Group is null ? "" : ":" + l.Group)
            : Convert.ToString(l.LessonId, CultureInfo.InvariantCulture)!;

    public static IEnumerable<MockLesson> Lessons(MockSchool school, DateTime from, DateTime to, IEnumerable<string> classes) =>
        school.Lessons.Where(l => l.Date >= from && l.Date <= to && classes.Contains(l.ClassName));

    public static IEnumerable<MockMark> Cells(MockSchool school, DateTime from, DateTime to, IEnumerable<string> students) =>
        school.Marks.Where(m => m.Lesson.Date >= from && m.Lesson.Date <= to && students.Contains(m.StudentId));

    public static decimal? Weight(object? weight) => weight switch
    {
        null => null,
        string s => decimal.Parse(s, CultureInfo.InvariantCulture),
        _ => Convert.ToDecimal(weight, CultureInfo.InvariantCulture),
    };

    public static MarkKind Kind(MockMark m) =>
        m.Type == MockSchool.Control || m.Type == MockSchool.Independent || m.Lesson.Control ? MarkKind.Written : MarkKind.Current;

    /// <summary>A mark as a comparable line: student, subject, date, lesson, value, weight, kind.</summary>
    public static string Line(string student, string subject, DateTime date, string? lesson, string value, decimal? weight, MarkKind kind) =>
        string.Join("|", student, subject, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), lesson ?? "-", value, weight?.ToString("0.##", CultureInfo.InvariantCulture) ?? "-", kind);
}
