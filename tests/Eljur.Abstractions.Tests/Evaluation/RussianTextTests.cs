using System;
using System.Globalization;
using Eljur.Abstractions.Evaluation;

namespace Eljur.Abstractions.Tests.Evaluation;

public class RussianTextTests
{
    [Fact]
    public void Dates_and_moments_are_formatted_as_the_invariant_patterns_would()
    {
        var offset = TimeSpan.FromHours(5);
        var moments = new[]
        {
            new DateTimeOffset(2024, 11, 2, 23, 59, 59, 999, offset).AddTicks(9999),
            new DateTimeOffset(2024, 1, 9, 8, 5, 0, offset),
            new DateTimeOffset(2024, 12, 31, 0, 0, 7, TimeSpan.Zero),
            new DateTimeOffset(5, 3, 4, 10, 59, 59, offset),
            new DateTimeOffset(9999, 12, 31, 23, 59, 0, offset),
        };
        for (var day = 0; day < 800; day++)
        {
            var m = new DateTimeOffset(2023, 8, 1, 0, 0, 0, offset).AddDays(day).AddSeconds(day * 7919 % 86400);
            Check(m);
        }

        foreach (var m in moments)
        {
            Check(m);
        }

        static void Check(DateTimeOffset m)
        {
            Assert.Equal(m.Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), RussianText.Date(m.Date));
            var pattern = m.Second == 0 || (m.Second == 59 && m.Minute == 59 && m.Hour == 23) ? "dd.MM.yyyy HH:mm" : "dd.MM.yyyy HH:mm:ss";
            Assert.Equal(m.ToString(pattern, CultureInfo.InvariantCulture), RussianText.Moment(m));
        }
    }
}
