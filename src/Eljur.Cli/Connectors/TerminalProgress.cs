using System;
using System.IO;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Text;

namespace Eljur.Cli.Connectors;

/// <summary>
/// A one-line progress display on standard error, redrawn in place. Used only when standard error
/// is a terminal, so it never mixes with redirected output or with <c>--format json</c> on stdout.
/// </summary>
internal sealed class TerminalProgress : IProgress<FetchProgress>, IDisposable
{
    private readonly object _gate = new();
    private readonly TextWriter _error;
    private int _width;

    public TerminalProgress(TextWriter error) => _error = error;

    public void Report(FetchProgress value)
    {
        var stage = DisplayText.Value(value.Stage, 60);
        var line = value.Total > 0 ? $"Загрузка {value.Done}/{value.Total}: {stage}" : $"Загрузка: {stage}";
        if (line.Length > 79)
        {
            line = line.Substring(0, 79);
        }

        lock (_gate)
        {
            _error.Write("\r" + line.PadRight(_width));
            _error.Flush();
            _width = Math.Max(_width, line.Length);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_width > 0)
            {
                _error.Write("\r" + new string(' ', _width) + "\r");
                _error.Flush();
                _width = 0;
            }
        }
    }
}
