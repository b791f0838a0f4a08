using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.DependencyInjection;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;
using Eljur.Connectors.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Eljur.Connectors.Eljur.Tests;

/// <summary>
/// The conformance suite against a minimal file-based connector (no server, no sign-in): the
/// shape АСИОУ's export connector will have. The HTTP and authentication checks must report
/// themselves not applicable, and the rest must still hold.
/// </summary>
public sealed class KitSelfTests : ConnectorConformanceTests
{
    public KitSelfTests(ITestOutputHelper output)
        : base(output)
    {
    }

    protected override ConnectorHarness CreateHarness() => new FileHarness();

    [Fact]
    public void The_http_checks_do_not_apply_without_a_server_and_the_others_do()
    {
        Assert.False(Applies(ConformanceCheck.ServerError));
        Assert.False(Applies(ConformanceCheck.RateLimit));
        Assert.False(Applies(ConformanceCheck.Timeout));
        Assert.False(Applies(ConformanceCheck.Authentication));
        Assert.False(Applies(ConformanceCheck.RandomFaults));
        Assert.True(Applies(ConformanceCheck.MalformedAnswer));
        Assert.True(Applies(ConformanceCheck.Capabilities));
        Assert.True(Applies(ConformanceCheck.Cancellation));
    }

    /// <summary>Options of the file connector.</summary>
    public sealed class FileOptions
    {
        public string? Path { get; set; }
    }

    private sealed class FileOptionsValidator : IValidateOptions<FileOptions>
    {
        public ValidateOptionsResult Validate(string? name, FileOptions options) =>
            string.IsNullOrWhiteSpace(options.Path) ? ValidateOptionsResult.Fail($"FileOptions[{name}].Path: required.") : ValidateOptionsResult.Success;
    }

    /// <summary>Reads a snapshot file; a bad file is an Input failure.</summary>
    private sealed class FileConnector : IGradebookConnector
    {
        private readonly string _path;

        public FileConnector(string path) => _path = path;

        public string Id => "file";

        public IReadOnlyList<string> Capabilities { get; } = new[]
        {
            Capability.Lessons, Capability.Topics, Capability.Homework, Capability.Marks, Capability.Absences, Capability.Periods, Capability.LessonTimes,
        };

        public Task<GradebookSnapshot> FetchAsync(FetchRequest request, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var s = SnapshotReader.ReadFile(_path, cancellationToken);
                return Task.FromResult(s with { Source = s.Source with { Connector = Id, From = request.From, To = request.To, Capabilities = Capabilities } });
            }
            catch (SnapshotFormatException ex)
            {
                throw new ConnectorException(Id, "read " + Path.GetFileName(_path), ex.Message, ConnectorFailureKind.Input);
            }
        }
    }

    private sealed class FileHarness : ConnectorHarness
    {
        private readonly string _path = Path.Combine(Path.GetTempPath(), "eljur-kit-" + Guid.NewGuid().ToString("N") + ".json");

        public FileHarness()
            : base(null)
        {
            var day = new DateTime(2024, 9, 2);
            SnapshotWriter.WriteFile(new GradebookSnapshot
            {
                Source = new SnapshotSource { Connector = "file", FetchedAt = new DateTimeOffset(2024, 11, 20, 7, 0, 0, TimeSpan.Zero), From = day, To = day },
                School = new School { Id = "s", Name = "Школа", TimeZone = "Europe/Moscow" },
                Periods = new[] { new Period { Id = "q1", Name = "1 четверть", Kind = PeriodKind.Quarter, Start = day, End = day.AddDays(50) } },
                Subjects = new[] { new Subject { Id = "math", Name = "Математика" } },
                Classes = new[] { new SchoolClass { Id = "5А", Name = "5А", Grade = 5 } },
                Students = new[] { new Student { Id = "st1", Name = "Иванов Иван", ClassId = "5А" } },
                Staff = new[] { new StaffMember { Id = "t1", Name = "Петрова Анна", Roles = new[] { StaffRole.Teacher } } },
                Lessons = new[]
                {
                    new Lesson { Id = "l1", ClassId = "5А", SubjectId = "math", TeacherId = "t1", Date = day, Start = new TimeSpan(8, 30, 0), End = new TimeSpan(9, 15, 0), Topic = "Дроби", Homework = "№ 12" },
                },
                Absences = new[] { new Absence { LessonId = "l1", StudentId = "st1", Late = true } },
                Marks = new[] { new Mark { Id = "m1", StudentId = "st1", SubjectId = "math", LessonId = "l1", Date = day, Value = "5" } },
            }, _path);
        }

        public override string ConnectorId => "file";

        public override Type OptionsType => typeof(FileOptions);

        public override FetchRequest Request { get; } = new() { From = new DateTime(2024, 9, 2), To = new DateTime(2024, 9, 2) };

        public override IReadOnlyCollection<string> Secrets => Array.Empty<string>();

        public override void Register(IGradebookBuilder builder, string name, ConformanceSettings settings) => Add(builder, name, _path);

        public override IEnumerable<InvalidOptionsCase> InvalidOptions()
        {
            yield return new InvalidOptionsCase("no path", (builder, name) => Add(builder, name, null), "Path");
        }

        public override bool TryCorruptSource()
        {
            File.WriteAllText(_path, "{ \"format\": \"eljur.snapshot/1\", \"source\": ");
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            File.Delete(_path);
            base.Dispose(disposing);
        }

        private static void Add(IGradebookBuilder builder, string name, string? path)
        {
            builder.Services.AddOptions<FileOptions>(name).Configure(o => o.Path = path).ValidateOnStart();
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FileOptions>, FileOptionsValidator>());
            builder.AddConnector(new ConnectorRegistration(name, "file", sp => new FileConnector(sp.GetRequiredService<IOptionsMonitor<FileOptions>>().Get(name).Path!)));
        }
    }
}
