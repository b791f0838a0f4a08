using System;
using System.Linq;
using System.Text.RegularExpressions;
using Eljur.Abstractions.Evaluation;
using Eljur.Cli.Infrastructure;

namespace Eljur.Cli.Connectors;

/// <summary>
/// The connectors' options validators say what is wrong in English (for integrators) — АСИОУ's in Russian,
/// for the school — and the CLI says it in Russian, after the option's name. A failure it does not know is
/// quoted after a Russian lead.
/// </summary>
internal static class OptionFailureText
{
    private static readonly (Regex Pattern, Func<Match, string> Russian)[] Failures =
    {
        P("^required\\b.*$", _ => "не задан: укажите его в командной строке, в переменной окружения или в файле --config"),
        P("^must be (\\d+) hexadecimal digits\\.$", m => $"нужно ровно {RussianText.Count(long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), "шестнадцатеричная цифра", "шестнадцатеричные цифры", "шестнадцатеричных цифр")} (0–9, a–f): проверьте, что ключ скопирован целиком"),
        P("^must be an absolute http or https URL, e\\.g\\. (\\S+?)\\.?$", m => $"нужен полный адрес, начинающийся с http:// или https://, например {m.Groups[1].Value}"),
        P("^must not have a query or fragment.*$", _ => "адрес без «?» и «#»: остальные параметры задаются своими опциями"),
        P("^\"(.*)\" is not a subdomain.*$", m => $"«{m.Groups[1].Value}» — не поддомен: только латинские буквы, цифры, «-» и «_»"),
        P("^\"(.*)\" is not one of (.*)\\.$", m => $"«{m.Groups[1].Value}» — недопустимое значение{Suggestions.Hint(m.Groups[1].Value, m.Groups[2].Value.Split(',').Select(s => s.Trim().Trim('"')))}; допустимы: {m.Groups[2].Value}"),
        P("^\"(.*)\" is not a known IANA time zone\\.$", m => $"«{m.Groups[1].Value}» — неизвестный часовой пояс{Suggestions.Hint(m.Groups[1].Value, TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id))}; укажите пояс так, как его пишут в базе часовых поясов: например, Europe/Moscow или Asia/Yekaterinburg"),
        P("^the folder \"(.*)\" does not exist\\.$", m => $"папка не найдена: {m.Groups[1].Value}"),
        P("^the file \"(.*)\" does not exist.*$", m => $"файл не найден: {m.Groups[1].Value}"),
        P("^\"(.*)\" is not a portal id.*$", m => $"«{m.Groups[1].Value}» — не идентификатор школы на портале (до 19 цифр)"),
        P("^must be 5 or 6\\.$", _ => "рабочая неделя — 5 или 6 дней"),
        P("^RefreshToken, ClientId and ClientSecret go together.*$", _ => "--refresh-token, --client-id и --client-secret задаются вместе: все три или ни одного"),
        P("^give Login and Password, or a Token\\.$", _ => "нужны --login и --password или --token"),

        // A connector that already speaks Russian (АСИОУ): its «не задан» gets the CLI's places to set a value,
        // a wrong value or time zone the CLI's guess; anything else in Russian is shown as it is.
        P("^не задан[аоы]?\\b.*$", _ => "не задан: укажите его в командной строке, в переменной окружения или в файле --config"),
        P("^«(.*)» — недопустимое значение; допустимы: (.*)\\.$", m => $"«{m.Groups[1].Value}» — недопустимое значение{Suggestions.Hint(m.Groups[1].Value, m.Groups[2].Value.Split(',').Select(s => s.Trim().Trim('«', '»')))}; допустимы: {m.Groups[2].Value}"),
        P("^«(.*)» — неизвестный часовой пояс.*$", m => $"«{m.Groups[1].Value}» — неизвестный часовой пояс{Suggestions.Hint(m.Groups[1].Value, TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id))}; укажите пояс так, как его пишут в базе часовых поясов: например, Europe/Moscow или Asia/Yekaterinburg"),
        P("^[«А-ЯЁа-яё].*$", m => m.Value.TrimEnd('.')),
        P("^.+?: [А-ЯЁа-яё].*$", m => m.Value.TrimEnd('.')), // the mapping file's own error: «school.json: строка 1: …»
    };

    public static string Russian(string failure)
    {
        foreach (var (pattern, russian) in Failures)
        {
            var match = pattern.Match(failure);
            if (match.Success)
            {
                return russian(match) + ".";
            }
        }

        return $"недопустимое значение (подробно: «{failure}»)";
    }

    private static (Regex, Func<Match, string>) P(string pattern, Func<Match, string> russian) =>
        (new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline), russian);
}
