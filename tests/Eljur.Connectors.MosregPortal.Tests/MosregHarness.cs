using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.DependencyInjection;
using Eljur.Abstractions.Model;
using Eljur.Connectors.MosregPortal.Tests.Mock;
using Eljur.Connectors.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Eljur.Connectors.MosregPortal.Tests;

/// <summary>The Moscow-region portal connector against its mock, for the conformance suite and the connector's own tests.</summary>
internal sealed class MosregHarness : ConnectorHarness
{
    /// <summary>The mock school with one final mark no connector can map, so the accounting check sees both sides.</summary>
    public MosregHarness()
        : this(new MosregMockServer(new MockSchool(includeUnmappable: true)))
    {
    }

    private MosregHarness(MosregMockServer server)
        : base(server) => Mock = server;

    public MosregMockServer Mock { get; }

    public override string ConnectorId => "mosreg";

    public override Type OptionsType => typeof(MosregPortalOptions);

    /// <summary>The mock school's two weeks, across the September/October boundary (two month windows).</summary>
    public override FetchRequest Request { get; } = new() { From = MockSchool.From, To = MockSchool.To };

    public override IReadOnlyCollection<string> Secrets =>
        new[] { MockSchool.Token, MockSchool.RefreshToken, MockSchool.ClientSecret }.Concat(Mock.IssuedSecrets).ToList();

    public override string? ProbeOperation => "edu-groups/{group}/marks";

    public override string? SignInOperation => "authorizations";

    public override bool SignsInUpFront => false;

    public override void Register(IGradebookBuilder builder, string name, ConformanceSettings settings) =>
        builder.AddMosregPortal(name, o => Configure(o, settings));

    public void Configure(MosregPortalOptions o, ConformanceSettings settings)
    {
        Configure(o, Mock);
        o.RequestTimeout = settings.AttemptTimeout;
        o.MaxRetries = settings.Retries;
        o.RetryBaseDelay = settings.RetryBaseDelay;
        o.MaxRetryDelay = settings.MaxRetryDelay;
        o.MaxInFlight = settings.Concurrency;
    }

    public static void Configure(MosregPortalOptions o, MosregMockServer mock)
    {
        o.BaseUrl = mock.BaseUrl;
        o.Token = MockSchool.Token;
        o.RefreshToken = MockSchool.RefreshToken;
        o.ClientId = MockSchool.ClientId;
        o.ClientSecret = MockSchool.ClientSecret;
        o.SchoolId = mock.School.SchoolId;
    }

    /// <summary>Lessons, lesson marks, final marks and absences of the mock school in the request's range.</summary>
    public override IReadOnlyList<ServedRecord>? ServedRecords()
    {
        var school = Mock.School;
        var lessons = school.Lessons.Where(l => l.Date >= Request.From && l.Date <= Request.To).ToList();
        var records = lessons.Select(l => new ServedRecord("lesson", l.Id)).ToList();
        records.AddRange(lessons.SelectMany(l => l.Marks).Select(m => new ServedRecord("mark", m.Id)));
        records.AddRange(lessons.SelectMany(l => l.LogEntries.Where(e => e.Status != "Attend").Select(e => new ServedRecord("absence", l.Id + ":" + e.Student.Id))));
        var yearStart = school.Periods.Min(p => p.Start);
        var yearEnd = school.Periods.Max(p => p.Finish);
        records.AddRange(school.FinalMarks
            .Where(f => (f.Period?.Start ?? yearStart) <= Request.To && (f.Period?.Finish ?? yearEnd) >= Request.From)
            .Select(f => new ServedRecord("finalMark", f.Id)));
        return records;
    }

    public override IReadOnlyList<ServedRecord> MappedRecords(GradebookSnapshot snapshot) =>
        snapshot.Lessons!.Select(l => new ServedRecord("lesson", l.Id))
            .Concat(snapshot.Marks!.Select(m => new ServedRecord(m.Kind is MarkKind.Period or MarkKind.Year ? "finalMark" : "mark", m.Id)))
            .Concat(snapshot.Absences!.Select(a => new ServedRecord("absence", a.LessonId + ":" + a.StudentId)))
            .ToList();

    public override IEnumerable<InvalidOptionsCase> InvalidOptions()
    {
        InvalidOptionsCase Case(string description, Action<MosregPortalOptions> spoil, string expected) => new(
            description,
            (builder, name) => builder.AddMosregPortal(name, o =>
            {
                Configure(o, new ConformanceSettings());
                spoil(o);
            }),
            expected);

        yield return Case("no token", o => o.Token = null, "Token");
        yield return Case("a refresh token without the client secret", o => o.ClientSecret = null, "RefreshToken");
        yield return Case("an empty school id", o => o.SchoolId = " ", "SchoolId");
        yield return Case("a school id that is not digits", o => o.SchoolId = "1e18", "SchoolId");
        yield return Case("an unknown time zone", o => o.TimeZone = "Europe/Atlantis", "Europe/Atlantis");
        yield return Case("a base URL with the token in its query", o => o.BaseUrl = Mock.BaseUrl + "?access_token=" + MockSchool.Token, "BaseUrl");
        yield return Case("a relative base URL", o => o.BaseUrl = "v2.0/", "BaseUrl");
        yield return Case("more than ten requests in flight", o => o.MaxInFlight = 11, "MaxInFlight");
        yield return Case("nothing in flight", o => o.MaxInFlight = 0, "MaxInFlight");
        yield return Case("a 10 ms timeout", o => o.RequestTimeout = TimeSpan.FromMilliseconds(10), "RequestTimeout");
        yield return Case("eleven retries", o => o.MaxRetries = 11, "MaxRetries");
        yield return Case("a 4-day week", o => o.WorkWeek = 4, "WorkWeek");
        yield return Case("retry delay cap below the base", o => { o.RetryBaseDelay = TimeSpan.FromSeconds(2); o.MaxRetryDelay = TimeSpan.FromSeconds(1); }, "MaxRetryDelay");
    }
}
