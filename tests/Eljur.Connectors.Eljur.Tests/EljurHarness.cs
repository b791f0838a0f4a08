using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.DependencyInjection;
using Eljur.Abstractions.Model;
using Eljur.Connectors.Eljur.Tests.Mock;
using Eljur.Connectors.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Eljur.Connectors.Eljur.Tests;

/// <summary>The ЭлЖур connector against the ЭлЖур mock, for the conformance suite and the connector's own tests.</summary>
internal sealed class EljurHarness : ConnectorHarness
{
    /// <summary>The mock school with one absence no connector can place, so the accounting check sees both sides.</summary>
    public EljurHarness()
        : this(new EljurMockServer(new MockSchool(includeUnmappable: true)))
    {
    }

    private EljurHarness(EljurMockServer server)
        : base(server) => Mock = server;

    public EljurMockServer Mock { get; }

    public override string ConnectorId => "eljur";

    public override Type OptionsType => typeof(EljurConnectorOptions);

    /// <summary>Four weeks of September, both classes of the teacher's account.</summary>
    public override FetchRequest Request { get; } = new() { From = new DateTime(2024, 9, 2), To = new DateTime(2024, 9, 29) };

    public override IReadOnlyCollection<string> Secrets =>
        new[] { MockSchool.DevKey, MockSchool.TeacherPassword, MockSchool.ParentPassword }.Concat(Mock.IssuedTokens).ToList();

    public override string? ProbeOperation => "getmarks";

    public override string? SignInOperation => "auth";

    public override void Register(IGradebookBuilder builder, string name, ConformanceSettings settings) =>
        builder.AddEljur(name, o => Configure(o, settings));

    public void Configure(EljurConnectorOptions o, ConformanceSettings settings)
    {
        o.BaseUrl = Mock.BaseUrl;
        o.Vendor = MockSchool.Vendor;
        o.DevKey = MockSchool.DevKey;
        o.Login = MockSchool.TeacherLogin;
        o.Password = MockSchool.TeacherPassword;
        o.TimeZone = "Europe/Moscow";
        o.SchoolName = "Гимназия № 7";
        o.RequestTimeout = settings.AttemptTimeout;
        o.MaxRetries = settings.Retries;
        o.RetryBaseDelay = settings.RetryBaseDelay;
        o.MaxRetryDelay = settings.MaxRetryDelay;
        o.MaxConcurrency = settings.Concurrency;
    }

    /// <summary>Lessons (extracurricular too), marks and absence marks the mock serves in the request's range (the teacher sees both classes).</summary>
    public override IReadOnlyList<ServedRecord>? ServedRecords()
    {
        var school = Mock.School;
        var records = Expected.Lessons(school, Request.From, Request.To, new[] { "10А", "9Б" }).Select(l => new ServedRecord("lesson", Expected.LessonId(l))).ToList();
        foreach (var m in school.Marks.Where(m => m.Lesson.Date >= Request.From && m.Lesson.Date <= Request.To && m.Value.Length > 0))
        {
            records.Add(MockSchool.IsAbsenceCode(m.Value)
                ? new ServedRecord("absence", $"{m.StudentId}:{m.Lesson.Subject}:{m.Lesson.Date:yyyyMMdd}")
                : new ServedRecord("mark", $"{m.StudentId}:{m.Lesson.Subject}:{m.Lesson.Date:yyyyMMdd}:{m.Value}"));
        }

        return records;
    }

    public override IReadOnlyList<ServedRecord> MappedRecords(GradebookSnapshot snapshot)
    {
        var lessons = snapshot.Lessons!.ToDictionary(l => l.Id, StringComparer.Ordinal);
        return snapshot.Lessons!.Select(l => new ServedRecord("lesson", l.Id))
            .Concat(snapshot.Marks!.Where(m => m.Kind is MarkKind.Current or MarkKind.Written).Select(m => new ServedRecord("mark", $"{m.StudentId}:{m.SubjectId}:{m.Date:yyyyMMdd}:{m.Value}")))
            .Concat(snapshot.Absences!.Select(a => new ServedRecord("absence", $"{a.StudentId}:{lessons[a.LessonId].SubjectId}:{lessons[a.LessonId].Date:yyyyMMdd}")))
            .ToList();
    }

    public override IEnumerable<InvalidOptionsCase> InvalidOptions()
    {
        InvalidOptionsCase Case(string description, Action<EljurConnectorOptions> spoil, string expected) => new(
            description,
            (builder, name) => builder.AddEljur(name, o =>
            {
                Configure(o, new ConformanceSettings());
                spoil(o);
            }),
            expected);

        yield return Case("no vendor", o => o.Vendor = null, "Vendor");
        yield return Case("a devkey of the wrong length", o => o.DevKey = MockSchool.DevKey + "ff", "DevKey");
        yield return Case("a login without a password", o => o.Password = null, "Password");
        yield return Case("neither credentials nor a token", o => { o.Login = null; o.Password = null; }, "Token");
        yield return Case("no time zone", o => o.TimeZone = null, "TimeZone");
        yield return Case("an unknown time zone", o => o.TimeZone = "Europe/Atlantis", "Europe/Atlantis");
        yield return Case("a base URL with the devkey in its query", o => o.BaseUrl = Mock.BaseUrl + "?devkey=" + MockSchool.DevKey, "BaseUrl");
        yield return Case("zero concurrency", o => o.MaxConcurrency = 0, "MaxConcurrency");
        yield return Case("a 10 ms timeout", o => o.RequestTimeout = TimeSpan.FromMilliseconds(10), "RequestTimeout");
        yield return Case("an unknown auth method", o => o.AuthMethod = "soap", "AuthMethod");
        yield return Case("a 4-day week", o => o.WorkWeek = 4, "WorkWeek");
        yield return Case("retry delay cap below the base", o => { o.RetryBaseDelay = TimeSpan.FromSeconds(2); o.MaxRetryDelay = TimeSpan.FromSeconds(1); }, "MaxRetryDelay");
    }
}
