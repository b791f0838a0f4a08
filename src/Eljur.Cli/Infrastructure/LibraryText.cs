using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Eljur.Rules;

namespace Eljur.Cli.Infrastructure;

/// <summary>
/// The libraries describe bad input in English for integrators; the CLI tells a school in Russian.
/// This turns the known problem texts of the snapshot and policy readers into Russian, keeping the
/// names and values they quote. A text it does not know is quoted after a Russian lead, never shown bare.
/// </summary>
internal static class LibraryText
{
    private static readonly (Regex Pattern, Func<Match, string> Russian)[] Problems =
    {
        P("^the document is empty$", _ => "файл пуст"),
        P("^The store (.+) has schema version (\\d+), newer than this program knows \\((\\d+)\\): update eljur\\.$", m => $"хранилище {m.Groups[1].Value} создано более новой версией eljur (схема {m.Groups[2].Value}, эта программа знает {m.Groups[3].Value}): обновите eljur"),
        P("^unexpected end of the document$", _ => "файл оборвался: JSON не закончен (не хватает закрывающих скобок или кавычек) — неправильный JSON"),
        P("^not valid JSON: .*$", _ => "текст не является правильным JSON (синтаксическая ошибка): проверьте скобки, кавычки и запятые"),
        P("^the text is not valid UTF-8$", _ => "текст не в кодировке UTF-8: сохраните файл в UTF-8"),
        P("^expected a JSON object, found (.+)$", _ => "ожидается JSON-объект"),
        P("^a policy must be a JSON object$", _ => "регламент должен быть JSON-объектом"),
        P("^unexpected (?:content|.+) after the (?:end of the snapshot|policy) object$", _ => "после JSON-объекта есть лишний текст"),
        P("^unsupported format \"(.*)\"; expected \"(.*)\"$", m => $"неизвестный формат «{m.Groups[1].Value}»; ожидается «{m.Groups[2].Value}»"),
        P("^required field \"(.*)\" is missing or null$", m => $"нет обязательного поля «{m.Groups[1].Value}»"),
        P("^property \"(.*)\" appears twice$", m => $"поле «{m.Groups[1].Value}» встречается дважды"),
        P("^workWeek must be 5 or 6, found (.+)$", m => $"рабочая неделя (workWeek) — 5 или 6 дней, а указано {m.Groups[1].Value}"),
        P("^expected a date YYYY-MM-DD, found \"(.*)\"$", m => $"«{m.Groups[1].Value}» — не дата; ожидается ГГГГ-ММ-ДД, например 2024-10-01"),
        P("^expected a time of day HH:mm, found \"(.*)\"$", m => $"«{m.Groups[1].Value}» — не время; ожидается ЧЧ:ММ, например 08:30"),
        P("^timestamp needs an offset, e\\.g\\. \"(.*)\" or .*$", m => $"у момента времени нет смещения от UTC; запишите его, например, так: «{m.Groups[1].Value}»"),
        P("^expected a timestamp like (\\S+), found \"(.*)\"$", m => $"«{m.Groups[2].Value}» — не момент времени; ожидается, например, {m.Groups[1].Value}"),
        P("^expected a string id, found .*$", _ => "id должен быть строкой в кавычках (числа теряют цифры после 2^53)"),
        P("^an id must not be empty$", _ => "id не может быть пустым"),
        P("^null is not allowed in this list$", _ => "null в этом списке недопустим"),
        P("^(?:number|integer) out of range: (.*)$", m => $"число {m.Groups[1].Value} вне допустимого диапазона"),
        P("^unknown value \"(.*)\"; expected one of: (.*)$", m => $"недопустимое значение «{m.Groups[1].Value}»{Hint(m.Groups[1].Value, m.Groups[2].Value)}; допустимы: {m.Groups[2].Value}"),
        P("^refers to (.+?) \"(.*)\" which is not in (\\S+)$", m => $"ссылка на несуществующую запись «{m.Groups[2].Value}»: её нет в {m.Groups[3].Value}"),
        P("^expected (a string|a number|an integer|true or false|an array|a string id)(?:, found .*)?$", m => "ожидается " + Kind(m.Groups[1].Value)),
        P("^expected an array, found .*$", _ => "ожидается список (JSON-массив)"),
        P("^unknown rule \"(.*)\"$", m => $"неизвестное правило «{m.Groups[1].Value}»{Suggestions.Hint(m.Groups[1].Value, StandardRules.All.Select(r => r.Id))}; список правил: eljur policies list"),
        P("^unknown preset \"(.*)\"; shipped presets: (.*)$", m => $"нет пресета «{m.Groups[1].Value}»{Suggestions.Hint(m.Groups[1].Value, Presets.Ids)}; пресеты: {m.Groups[2].Value}"),
        P("^unknown key \"(.*)\" \\(known: (.*)\\)$", m => $"неизвестный ключ «{m.Groups[1].Value}»{Hint(m.Groups[1].Value, m.Groups[2].Value)}; допустимы: {m.Groups[2].Value}"),
        P("^unknown parameter \"(.*)\" \\(known: (.*)\\)$", m => $"у правила нет параметра «{m.Groups[1].Value}»{Hint(m.Groups[1].Value, m.Groups[2].Value)}; допустимы: {m.Groups[2].Value}"),
        P("^unknown parameter \"(.*)\" \\(this rule takes no parameters\\)$", m => $"у правила нет параметра «{m.Groups[1].Value}»: это правило параметров не принимает"),
        P("^the parameter \"(.*)\" is required \\(a number or null\\)$", m => $"нет обязательного параметра «{m.Groups[1].Value}» (число или null)"),
        P("^the parameter \"(.*)\" is required$", m => $"нет обязательного параметра «{m.Groups[1].Value}»"),
        P("^\"(.*)\" is required and must be a non-empty string$", m => $"нужен «{m.Groups[1].Value}»: непустая строка"),
        P("^the policy needs a \"rules\" list$", _ => "в регламенте нет списка «rules»"),
        P("^each rule use must be an object$", _ => "каждый элемент «rules» должен быть JSON-объектом"),
        P("^a rule use needs \"rule\" \\(or \"metric\"\\) with a rule id$", _ => "у элемента «rules» нет «rule» (или «metric») с id правила"),
        P("^unknown severity \"(.*)\"; expected error, warning or info$", m => $"неизвестная строгость «{m.Groups[1].Value}»{Suggestions.Hint(m.Groups[1].Value, new[] { "error", "warning", "info" })}; допустимы: error, warning, info"),
        P("^the threshold must be a number \\(a ratio such as 0\\.95\\)$", _ => "порог (threshold) должен быть числом — долей, например 0.95"),
        P("^the threshold is a ratio between 0 and 1$", _ => "порог (threshold) — доля от 0 до 1, например 0.95"),
        P("^\"(.*)\" is a rule, not a metric: it takes no threshold$", m => $"«{m.Groups[1].Value}» — правило, а не показатель: порог (threshold) ему не задаётся"),
        P("^params must be an object$", _ => "«params» должен быть JSON-объектом"),
        P("^must be (.+?)(?:, found (.*))?$", m => "должно быть " + Kind(m.Groups[1].Value) + (m.Groups[2].Success ? ", а " + Found(m.Groups[2].Value) : "")),
    };

    /// <summary>The Russian text of a library's problem description.</summary>
    public static string Russian(string problem, string unknownLead)
    {
        foreach (var (pattern, russian) in Problems)
        {
            var match = pattern.Match(problem);
            if (match.Success)
            {
                return russian(match);
            }
        }

        return $"{unknownLead} (подробно: «{problem}»)";
    }

    /// <summary>«файл x.json, строка 4, позиция 7, поле $.marks[0].date»: the location part of a message.</summary>
    public static string Location(string? file, int? line, int? position, string? jsonPath)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(file))
        {
            parts.Add(file!);
        }

        if (line is { } l)
        {
            parts.Add("строка " + l + (position is { } p ? ", позиция " + p : ""));
        }

        if (!string.IsNullOrEmpty(jsonPath) && jsonPath != "$")
        {
            parts.Add("поле " + jsonPath);
        }

        return string.Join(", ", parts);
    }

    private static (Regex, Func<Match, string>) P(string pattern, Func<Match, string> russian) =>
        (new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline), russian);

    private static string Hint(string typed, string list) =>
        Suggestions.Hint(typed, list.Split(',').Select(s => s.Trim().Trim('"')).Where(s => s.Length > 0));

    /// <summary>What a value must be, in Russian.</summary>
    private static string Kind(string english)
    {
        var between = Regex.Match(english, "^between (\\S+) and (\\S+)$", RegexOptions.CultureInvariant);
        if (between.Success)
        {
            return $"от {between.Groups[1].Value} до {between.Groups[2].Value}";
        }

        var atLeast = Regex.Match(english, "^at least (\\S+)$", RegexOptions.CultureInvariant);
        if (atLeast.Success)
        {
            return "не меньше " + atLeast.Groups[1].Value;
        }

        return english switch
        {
            "a string" => "строкой",
            "a string id" => "строкой-id",
            "a number" => "числом",
            "an integer" or "a whole number" => "целым числом",
            "true or false" => "true или false",
            "an array" => "списком (JSON-массивом)",
            "an object" => "JSON-объектом",
            "a list of strings" => "списком строк",
            "a list of objects" => "списком JSON-объектов",
            "a list of whole numbers" => "списком целых чисел",
            _ when english.StartsWith("a deadline anchor string", StringComparison.Ordinal) => "сроком, например «sameDay», «nextDay» или «workingDays(5)»",
            _ => "допустимым значением (см. docs/policies.md)",
        };
    }

    /// <summary>What was found instead, in Russian: «указана строка «5»», «указано число».</summary>
    private static string Found(string english)
    {
        var text = Regex.Match(english, "^the string \"(.*)\"$", RegexOptions.CultureInvariant);
        if (text.Success)
        {
            return $"указана строка «{text.Groups[1].Value}»";
        }

        return english switch
        {
            "a number" => "указано число",
            "an object" => "указан объект",
            "an array" or "a list" => "указан список",
            "a boolean" => "указано true или false",
            "null" or "nothing" => "указано null",
            "a string" => "указана строка",
            _ => "указано " + english,
        };
    }
}
