using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using Eljur.Abstractions.Calendar;

namespace Eljur.Cli.Infrastructure;

/// <summary>
/// <c>--calendar FILE</c> (repeatable) and <c>ELJUR_CALENDAR</c> (paths separated by the system's path
/// separator): production-calendar years from xmlcalendar files that add to or replace the built-in
/// ones (cli.md). Files from the variable come first, so a <c>--calendar</c> file wins for the same year.
/// </summary>
internal static class CalendarFiles
{
    public const string Variable = "ELJUR_CALENDAR";

    public static Option<string[]> CreateOption() => new("--calendar")
    {
        Description = $"Файл производственного календаря в формате xmlcalendar: добавляет год или заменяет встроенный; можно указать несколько раз (или {Variable})",
    };

    /// <summary>The built-in calendar with the years of the given files and of <c>ELJUR_CALENDAR</c>.</summary>
    public static ProductionCalendar Load(IReadOnlyList<string>? files, Console2 console)
    {
        var calendar = ProductionCalendar.Russia;
        foreach (var (path, origin) in Paths(files, console))
        {
            calendar = calendar.WithYear(Read(path, origin));
        }

        return calendar;
    }

    private static IEnumerable<(string Path, string Origin)> Paths(IReadOnlyList<string>? files, Console2 console)
    {
        var variable = console.Environment(Variable);
        if (!string.IsNullOrWhiteSpace(variable))
        {
            foreach (var part in variable!.Split(Path.PathSeparator))
            {
                if (part.Trim().Length > 0)
                {
                    yield return (part.Trim(), Variable);
                }
            }
        }

        foreach (var file in files ?? Array.Empty<string>())
        {
            yield return (file, "--calendar");
        }
    }

    private static CalendarYear Read(string path, string origin)
    {
        if (Directory.Exists(path))
        {
            throw new CliException(ExitCodes.BadInput, $"{origin}: «{path}» — это папка, а нужен файл производственного календаря в формате xmlcalendar (например, 2028.xml).");
        }

        if (!File.Exists(path))
        {
            throw new CliException(ExitCodes.BadInput, $"{origin}: файл производственного календаря не найден: {path}. Проверьте путь.");
        }

        try
        {
            return XmlCalendar.ReadFile(path);
        }
        catch (CalendarDataException ex)
        {
            var line = ex.LineNumber is { } n ? ", строка " + n.ToString(CultureInfo.InvariantCulture) : "";
            var element = string.IsNullOrEmpty(ex.Element) ? "" : " (" + ex.Element + ")";
            throw new CliException(
                ExitCodes.BadInput,
                $"{origin}: ошибка в файле производственного календаря {path}{line}{element}: {Russian(ex.Problem)}. Нужен файл в формате xmlcalendar: <calendar year=\"ГГГГ\"><days><day d=\"ММ.ДД\" t=\"1|2|3\"/>…</days></calendar>.",
                ex);
        }
        catch (IOException ex)
        {
            throw new CliException(ExitCodes.BadInput, $"{origin}: не удалось прочитать файл производственного календаря {path}. Проверьте, что он доступен для чтения.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CliException(ExitCodes.BadInput, $"{origin}: нет доступа к файлу производственного календаря {path}. Проверьте права на файл.", ex);
        }
    }

    /// <summary>The problems <see cref="XmlCalendar"/> names, in Russian.</summary>
    private static string Russian(string problem)
    {
        if (problem.StartsWith("not well-formed XML", StringComparison.Ordinal))
        {
            return "это не правильно оформленный XML";
        }

        var inYear = Regex.Match(problem, "^the '([df])' attribute is not a date MM.DD in ([0-9]+)$");
        if (inYear.Success)
        {
            return $"атрибут {inYear.Groups[1].Value} — не дата ММ.ДД {inYear.Groups[2].Value} года";
        }

        return problem switch
        {
            "the root element must be <calendar>" => "корневой элемент должен быть <calendar>",
            "the 'year' attribute is missing" => "нет атрибута year (год календаря)",
            "the 'year' attribute is not a year from 1 to 9999" => "атрибут year — не год от 1 до 9999",
            "the <days> element is missing" => "нет элемента <days>",
            "the date is given more than once" => "эта дата указана дважды",
            "the 'id' attribute is missing or empty" => "у праздника нет атрибута id",
            "the holiday id is defined more than once" => "этот id праздника указан дважды",
            "the 'd' attribute is missing" => "нет атрибута d (дата ММ.ДД)",
            "the 't' attribute is missing" => "нет атрибута t (тип дня: 1, 2 или 3)",
            "the 't' attribute must be 1, 2 or 3" => "атрибут t должен быть 1 (выходной), 2 (сокращённый) или 3 (рабочий)",
            "the 'h' attribute refers to a holiday id that <holidays> does not define" => "атрибут h ссылается на праздник, которого нет в <holidays>",
            _ => problem,
        };
    }
}
