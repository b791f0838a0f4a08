using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Policies;
using Microsoft.Extensions.Options;

namespace Eljur.Rules;

/// <summary>Validates <see cref="GradebookOptions"/> on start.</summary>
internal sealed class GradebookOptionsValidator : IValidateOptions<GradebookOptions>
{
    public ValidateOptionsResult Validate(string? name, GradebookOptions options)
    {
        var failures = new List<string>();
        if (options.DefaultPolicy is { } policy)
        {
            try
            {
                Presets.Resolve(policy);
            }
            catch (PolicyException ex)
            {
                failures.Add($"GradebookOptions.DefaultPolicy: {ex.Message}");
            }
        }

        var duplicate = options.CalendarYears.GroupBy(y => y.Year).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            failures.Add($"GradebookOptions.CalendarYears: the year {duplicate.Key} is given twice.");
        }

        foreach (var path in options.CalendarFiles)
        {
            try
            {
                XmlCalendar.ReadFile(path);
            }
            catch (Exception ex) when (ex is CalendarDataException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                failures.Add($"GradebookOptions.CalendarFiles: {ex.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
