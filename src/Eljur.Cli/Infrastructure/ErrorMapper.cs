using System;
using System.IO;
using System.Text.RegularExpressions;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Sync;
using Eljur.Abstractions.Policies;
using Eljur.Abstractions.Snapshots;
using Eljur.Abstractions.Text;
using Eljur.Rules.Reports;

namespace Eljur.Cli.Infrastructure;

/// <summary>
/// Turns failures into one-line Russian messages with the exit codes of <c>cli.md</c>. Library
/// exceptions carry English text for integrators: their structured fields (file, line, JSON path)
/// are kept and their problem text is put into Russian (<see cref="LibraryText"/>).
/// </summary>
internal static class ErrorMapper
{
    private static readonly Regex QuotedPath = new("'([^']+)'", RegexOptions.CultureInvariant);

    private static readonly Regex LockFile = new(@"\S+\.lock\b", RegexOptions.CultureInvariant);

    public static (int ExitCode, string Message) Map(Exception ex) => ex switch
    {
        CliException c => (c.ExitCode, c.Message),
        GradebookStoreLockedException l => (ExitCodes.SourceFailed, $"хранилище занято другой синхронизацией (её блокировка — {LockFile.Match(l.Message).Value}): повторите, когда она закончится."),
        GradebookStoreException g => (ExitCodes.BadInput, "ошибка хранилища: " + LibraryText.Russian(g.Message, "хранилище не открылось")),
        SnapshotFormatException s => (ExitCodes.BadInput, Snapshot(s)),
        PolicyException p => (ExitCodes.BadInput, Policy(p)),
        ReportTemplateException t => (ExitCodes.BadInput, t.Message),
        CalendarYearMissingException y => (ExitCodes.BadInput, $"нет данных производственного календаря за {y.Year} год: добавьте этот год файлом в формате xmlcalendar (--calendar ФАЙЛ)."),
        CalendarDataException d => (ExitCodes.BadInput, "ошибка в данных производственного календаря: " + LibraryText.Russian(d.Message, "файл календаря не в формате xmlcalendar")),
        FileNotFoundException f => (ExitCodes.BadInput, $"файл не найден: {f.FileName ?? PathIn(f.Message)}. Проверьте путь."),
        DirectoryNotFoundException d => (ExitCodes.BadInput, $"папка не найдена: {PathIn(d.Message)}. Создайте её или укажите другой путь."),
        UnauthorizedAccessException u => (ExitCodes.BadInput, Denied(PathIn(u.Message))),
        IOException io => (ExitCodes.BadInput, $"не удалось прочитать или записать {PathIn(io.Message)}: проверьте, что файл не открыт в другой программе и на диске есть место."),
        Eljur.Abstractions.Connectors.ConnectorException c => (ExitCodes.SourceFailed, ConnectorText.Failure(c)),
        Microsoft.Extensions.Options.OptionsValidationException o => (ExitCodes.BadInput, "неверные параметры: " + string.Join("; ", o.Failures)),
        OperationCanceledException => (ExitCodes.BadInput, "прервано."),
        _ => (ExitCodes.BadInput, $"непредвиденная ошибка; запустите команду ещё раз с переменной окружения ELJUR_DEBUG=1 и передайте вывод разработчикам (подробно: «{ex.Message}»)."),
    };

    /// <summary>
    /// The message as one line safe for a terminal: line breaks become spaces, then control and
    /// bidirectional characters from outside (a vendor's error text, a file's value) are shown as
    /// <c>\uXXXX</c>, over-long runs (a 100,000-digit id) are cut with their length, and the line is
    /// at most <see cref="DisplayText.DefaultMessageLength"/> characters.
    /// </summary>
    public static string OneLine(string message) =>
        DisplayText.Message(message.Replace("\r\n", " ").Replace("\r", " ").Replace("\n", " "));

    /// <summary>«нет доступа к X»: on Linux also what opening a directory as a file gives.</summary>
    public static string Denied(string path) =>
        Directory.Exists(path)
            ? $"{path} — это папка, а нужен файл: укажите путь к файлу."
            : $"нет доступа к {path}: проверьте права на файл и папку.";

    private static string Snapshot(SnapshotFormatException s)
    {
        var problem = IsJsonSyntax(s.InnerException)
            ? "текст не является правильным JSON (синтаксическая ошибка): проверьте скобки, кавычки и запятые"
            : LibraryText.Russian(s.Problem, "данные не соответствуют формату eljur.snapshot/1 (docs/snapshot.md)");
        var where = LibraryText.Location(s.FileName, s.LineNumber, s.LinePosition, s.JsonPath);
        return "ошибка в снимке данных" + (where.Length > 0 ? " (" + where + ")" : "") + ": " + problem + ".";
    }

    private static string Policy(PolicyException p)
    {
        var problem = IsJsonSyntax(p.InnerException)
            ? "текст не является правильным JSON (синтаксическая ошибка): проверьте скобки, кавычки и запятые"
            : LibraryText.Russian(p.Problem, "регламент не соответствует формату eljur.policy/1 (docs/policies.md)");
        var file = p.FileName is { } f && f.StartsWith("preset ", StringComparison.Ordinal) ? "пресет " + f.Substring(7) : p.FileName;
        var where = LibraryText.Location(file, p.LineNumber, null, p.JsonPath);
        return "ошибка в регламенте" + (where.Length > 0 ? " (" + where + ")" : "") + ": " + problem + ".";
    }

    private static bool IsJsonSyntax(Exception? inner) =>
        inner is Newtonsoft.Json.JsonReaderException or System.Text.Json.JsonException;

    /// <summary>The path an IO exception's message quotes, or «файл» when it quotes none.</summary>
    private static string PathIn(string message) => QuotedPath.Match(message) is { Success: true } m ? m.Groups[1].Value : "файл";
}
