using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.DependencyInjection;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Snapshots;

namespace Eljur.Cli.Connectors;

/// <summary>
/// <c>--connector file --input FILE</c>: a snapshot file (e.g. one <c>eljur fetch</c> wrote, or an
/// export of a system without an API) taken as the source's current state, cut to the range.
/// Lets <c>eljur sync</c> observe any source that can only produce files.
/// </summary>
internal sealed class FileCliConnector : ICliConnector
{
    private static readonly ConnectorOption[] Own =
    {
        new("--input", "Для --connector file: файл снимка (eljur.snapshot/1)"),
    };

    public string Id => SnapshotFileConnector.ConnectorId;

    public string Description => "снимок из файла, --input";

    public IReadOnlyList<ConnectorOption> Options => Own;

    public void Register(IGradebookBuilder builder, ConnectorValues values)
    {
        var path = Infrastructure.InputFiles.Existing(values.Require("--input"), "--input", "файл снимка данных (JSON)");
        builder.AddConnector(new ConnectorRegistration(Id, Id, _ => new SnapshotFileConnector(path)));
    }

    public string Explain(string failure) => failure;
}

/// <summary>Reads a snapshot file as a source, keeping the lessons, marks and absences dated in the requested range.</summary>
internal sealed class SnapshotFileConnector : IGradebookConnector
{
    public const string ConnectorId = "file";

    private readonly string _path;

    public SnapshotFileConnector(string path) => _path = path;

    public string Id => ConnectorId;

    public IReadOnlyList<string> Capabilities => Array.Empty<string>();

    public Task<GradebookSnapshot> FetchAsync(FetchRequest request, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var snapshot = SnapshotReader.ReadFile(_path, cancellationToken);
        bool In(DateTime date) => date.Date >= request.From.Date && date.Date <= request.To.Date;
        var lessons = snapshot.Lessons?.Where(l => In(l.Date)).ToList();
        var lessonIds = new HashSet<string>((snapshot.Lessons ?? Array.Empty<Lesson>()).Where(l => In(l.Date)).Select(l => l.Id), StringComparer.Ordinal);
        var known = new HashSet<string>((snapshot.Lessons ?? Array.Empty<Lesson>()).Select(l => l.Id), StringComparer.Ordinal);
        return Task.FromResult(snapshot with
        {
            Source = snapshot.Source with { From = request.From.Date, To = request.To.Date },
            Lessons = lessons,
            Marks = snapshot.Marks?.Where(m => In(m.Date)).ToList(),
            Absences = snapshot.Absences?.Where(a => lessonIds.Contains(a.LessonId) || !known.Contains(a.LessonId)).ToList(),
        });
    }
}
