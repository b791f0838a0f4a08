using System;
using System.Collections.Generic;
using System.Globalization;
using Eljur.Abstractions.Model;

namespace Eljur.Rules.Catalog;

/// <summary>The academic year of a snapshot: from the earliest period start to the latest period end, labelled <c>YYYY/YYYY+1</c>.</summary>
internal sealed record AcademicYear(DateTime Start, DateTime End)
{
    /// <summary>The label from the start year, e.g. <c>2023/2024</c>.</summary>
    public string Label => Start.Year.ToString(CultureInfo.InvariantCulture) + "/" + (Start.Year + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The year spanned by the periods, or null when there are none.</summary>
    public static AcademicYear? Of(IReadOnlyList<Period> periods)
    {
        if (periods.Count == 0)
        {
            return null;
        }

        var start = DateTime.MaxValue;
        var end = DateTime.MinValue;
        foreach (var p in periods)
        {
            if (p.Start.Date < start)
            {
                start = p.Start.Date;
            }

            if (p.End.Date > end)
            {
                end = p.End.Date;
            }
        }

        return new AcademicYear(start, end);
    }
}
