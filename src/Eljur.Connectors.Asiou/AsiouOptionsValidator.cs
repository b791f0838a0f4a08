using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Time;
using Eljur.Connectors.Asiou.Mapping;
using Microsoft.Extensions.Options;

namespace Eljur.Connectors.Asiou;

/// <summary>
/// Validates <see cref="AsiouOptions"/>, including that the mapping file loads. Messages name the instance
/// and the property (<c>AsiouOptions[name].Encoding: …</c>, for the CLI to put its option there) and say
/// the rest in Russian: the school's staff read them.
/// </summary>
internal sealed class AsiouOptionsValidator : IValidateOptions<AsiouOptions>
{
    internal static readonly string[] Encodings = { "auto", "utf-8", "windows-1251" };
    internal static readonly string[] Delimiters = { "auto", ";", "," };

    public ValidateOptionsResult Validate(string? name, AsiouOptions options)
    {
        if (options is null)
        {
            return ValidateOptionsResult.Fail("AsiouOptions: настройки не заданы.");
        }

        var failures = new List<string>();
        var prefix = $"AsiouOptions[{(string.IsNullOrEmpty(name) ? "(default)" : name)}].";
        void Fail(string property, string message) => failures.Add(prefix + property + ": " + message);

        if (string.IsNullOrWhiteSpace(options.ExportDirectory))
        {
            Fail(nameof(options.ExportDirectory), "не задана: нужна папка с файлами выгрузки АСИОУ.");
        }
        else if (!Directory.Exists(options.ExportDirectory))
        {
            Fail(nameof(options.ExportDirectory), $"папка «{options.ExportDirectory}» не найдена.");
        }

        if (options.MappingFile is not null)
        {
            if (string.IsNullOrWhiteSpace(options.MappingFile) || !File.Exists(options.MappingFile))
            {
                Fail(nameof(options.MappingFile), $"файл «{options.MappingFile}» не найден (чтобы взять встроенное сопоставление, не задавайте файл).");
            }
            else
            {
                try
                {
                    AsiouMapping.Load(options.MappingFile);
                }
                catch (AsiouMappingException ex)
                {
                    Fail(nameof(options.MappingFile), ex.Message);
                }
            }
        }

        if (!Encodings.Contains(options.Encoding, StringComparer.Ordinal))
        {
            Fail(nameof(options.Encoding), $"«{options.Encoding}» — недопустимое значение; допустимы: {string.Join(", ", Encodings.Select(e => "«" + e + "»"))}.");
        }

        if (!Delimiters.Contains(options.Delimiter, StringComparer.Ordinal))
        {
            Fail(nameof(options.Delimiter), $"«{options.Delimiter}» — недопустимое значение; допустимы: {string.Join(", ", Delimiters.Select(d => "«" + d + "»"))}.");
        }

        if (string.IsNullOrWhiteSpace(options.TimeZone))
        {
            Fail(nameof(options.TimeZone), "не задан: нужен часовой пояс школы по базе IANA, например Europe/Moscow.");
        }
        else
        {
            try
            {
                SchoolTimeZone.Resolve(options.TimeZone);
            }
            catch (ArgumentException)
            {
                Fail(nameof(options.TimeZone), $"«{options.TimeZone}» — неизвестный часовой пояс; укажите его так, как он записан в базе часовых поясов IANA, например Europe/Moscow.");
            }
        }

        if (options.Sheet is not null && options.Sheet.Trim().Length == 0)
        {
            Fail(nameof(options.Sheet), "нужно название листа; чтобы читать первый видимый лист каждой выгрузки .xlsx, не задавайте его.");
        }

        if (options.WorkWeek is not (5 or 6))
        {
            Fail(nameof(options.WorkWeek), "рабочая неделя — 5 или 6 дней.");
        }

        Pattern(nameof(options.JournalFilePattern), options.JournalFilePattern);
        Pattern(nameof(options.MarksFilePattern), options.MarksFilePattern);
        Pattern(nameof(options.StudentsFilePattern), options.StudentsFilePattern);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Pattern(string property, string? value)
        {
            var patterns = AsiouOptions.SplitPattern(value);
            if (patterns.Count == 0)
            {
                Fail(property, "не задан: нужен шаблон имени файла, например marks*.csv, или несколько через «;» (marks*.csv;marks*.xlsx).");
                return;
            }

            var invalid = Path.GetInvalidFileNameChars().Where(c => c is not ('*' or '?')).ToArray();
            foreach (var pattern in patterns)
            {
                if (pattern.IndexOfAny(new[] { '/', '\\' }) >= 0 || pattern.IndexOfAny(invalid) >= 0)
                {
                    Fail(property, $"«{pattern}» — нужен шаблон имени файла без папок.");
                }
            }
        }
    }
}
