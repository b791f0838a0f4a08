using System;
using System.IO;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Sync;
using Eljur.Abstractions.Policies;
using Eljur.Abstractions.Snapshots;
using Eljur.Abstractions.Text;
using Eljur.Rules.Reports;

namespace Eljur.Cli.Infrastructure;

/// <summary>Turns failures into one-line Russian messages with the exit codes of <c>cli.md</c>.</summary>
internal static class ErrorMapper
{
    public static (int ExitCode, string Message) Map(Exception ex) => ex switch
    {
        CliException c => (c.ExitCode, c.Message),
        GradebookStoreLockedException l => (ExitCodes.SourceFailed, "хранилище занято: " + l.Message),
        GradebookStoreException g => (ExitCodes.BadInput, "ошибка хранилища: " + g.Message),
        SnapshotFormatException s => (ExitCodes.BadInput, "ошибка в снимке данных: " + s.Message),
        PolicyException p => (ExitCodes.BadInput, "ошибка в регламенте (policy): " + p.Message),
        ReportTemplateException t => (ExitCodes.BadInput, t.Message),
        CalendarYearMissingException y => (ExitCodes.BadInput, $"нет данных производственного календаря за {y.Year} год: {y.Message}"),
        CalendarDataException d => (ExitCodes.BadInput, "ошибка в данных календаря: " + d.Message),
        FileNotFoundException f => (ExitCodes.BadInput, $"файл не найден: {f.FileName ?? f.Message}"),
        DirectoryNotFoundException d => (ExitCodes.BadInput, "папка не найдена: " + d.Message),
        UnauthorizedAccessException u => (ExitCodes.BadInput, "нет доступа: " + u.Message),
        IOException io => (ExitCodes.BadInput, "ошибка ввода-вывода: " + io.Message),
        Eljur.Abstractions.Connectors.ConnectorException c => (ExitCodes.SourceFailed, "источник данных не дал данные: " + c.Message),
        Microsoft.Extensions.Options.OptionsValidationException o => (ExitCodes.BadInput, "неверные параметры: " + string.Join("; ", o.Failures)),
        ArgumentException a => (ExitCodes.BadInput, "неверные данные: " + a.Message),
        OperationCanceledException => (ExitCodes.BadInput, "прервано."),
        _ => (ExitCodes.BadInput, $"непредвиденная ошибка ({ex.GetType().Name}): {ex.Message}"),
    };

    /// <summary>
    /// The message as one line safe for a terminal: line breaks become spaces, then control and
    /// bidirectional characters from outside (a vendor's error text, a file's value) are shown as
    /// <c>\uXXXX</c>, over-long runs (a 100,000-digit id) are cut with their length, and the line is
    /// at most <see cref="DisplayText.DefaultMessageLength"/> characters.
    /// </summary>
    public static string OneLine(string message) =>
        DisplayText.Message(message.Replace("\r\n", " ").Replace("\r", " ").Replace("\n", " "));
}
