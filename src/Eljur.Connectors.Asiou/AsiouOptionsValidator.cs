using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Time;
using Eljur.Connectors.Asiou.Mapping;
using Microsoft.Extensions.Options;

namespace Eljur.Connectors.Asiou;

/// <summary>Validates <see cref="AsiouOptions"/>, including that the mapping file loads. Messages name the instance and the property.</summary>
internal sealed class AsiouOptionsValidator : IValidateOptions<AsiouOptions>
{
    internal static readonly string[] Encodings = { "auto", "utf-8", "windows-1251" };
    internal static readonly string[] Delimiters = { "auto", ";", "," };

    public ValidateOptionsResult Validate(string? name, AsiouOptions options)
    {
        if (options is null)
        {
            return ValidateOptionsResult.Fail("AsiouOptions: no options.");
        }

        var failures = new List<string>();
        var prefix = $"AsiouOptions[{(string.IsNullOrEmpty(name) ? "(default)" : name)}].";
        void Fail(string property, string message) => failures.Add(prefix + property + ": " + message);

        if (string.IsNullOrWhiteSpace(options.ExportDirectory))
        {
            Fail(nameof(options.ExportDirectory), "required (the folder holding the АСИОУ export files).");
        }
        else if (!Directory.Exists(options.ExportDirectory))
        {
            Fail(nameof(options.ExportDirectory), $"the folder \"{options.ExportDirectory}\" does not exist.");
        }

        if (options.MappingFile is not null)
        {
            if (string.IsNullOrWhiteSpace(options.MappingFile) || !File.Exists(options.MappingFile))
            {
                Fail(nameof(options.MappingFile), $"the file \"{options.MappingFile}\" does not exist (leave it null for the default mapping).");
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
            Fail(nameof(options.Encoding), $"\"{options.Encoding}\" is not one of {string.Join(", ", Encodings)}.");
        }

        if (!Delimiters.Contains(options.Delimiter, StringComparer.Ordinal))
        {
            Fail(nameof(options.Delimiter), $"\"{options.Delimiter}\" is not one of {string.Join(", ", Delimiters.Select(d => "\"" + d + "\""))}.");
        }

        if (string.IsNullOrWhiteSpace(options.TimeZone))
        {
            Fail(nameof(options.TimeZone), "required: the school's IANA time zone, e.g. Europe/Moscow.");
        }
        else
        {
            try
            {
                SchoolTimeZone.Resolve(options.TimeZone);
            }
            catch (ArgumentException)
            {
                Fail(nameof(options.TimeZone), $"\"{options.TimeZone}\" is not a known IANA time zone.");
            }
        }

        if (options.Sheet is not null && options.Sheet.Trim().Length == 0)
        {
            Fail(nameof(options.Sheet), "must be a worksheet name, or null for the first visible sheet of each .xlsx export.");
        }

        if (options.WorkWeek is not (5 or 6))
        {
            Fail(nameof(options.WorkWeek), "must be 5 or 6.");
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
                Fail(property, "required: a file name pattern such as marks*.csv, or several separated by ';' (marks*.csv;marks*.xlsx).");
                return;
            }

            var invalid = Path.GetInvalidFileNameChars().Where(c => c is not ('*' or '?')).ToArray();
            foreach (var pattern in patterns)
            {
                if (pattern.IndexOfAny(new[] { '/', '\\' }) >= 0 || pattern.IndexOfAny(invalid) >= 0)
                {
                    Fail(property, $"\"{pattern}\" must be a file name pattern without folders.");
                }
            }
        }
    }
}
