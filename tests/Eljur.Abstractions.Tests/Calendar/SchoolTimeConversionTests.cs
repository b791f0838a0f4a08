using System;
using Eljur.Abstractions.Calendar;
using Eljur.Abstractions.Time;
using Xunit;

namespace Eljur.Abstractions.Tests.Calendar;

/// <summary>
/// <see cref="SchoolClock.ToSchoolTime"/> keeps the offset of recent UTC days; it must give exactly
/// what the time-zone rules give, including on days with a transition and across the zone changes of
/// Russian history.
/// </summary>
public sealed class SchoolTimeConversionTests
{
    [Theory]
    [InlineData("Europe/Moscow", 2010)] // summer time until 2011, UTC+4 all year 2011–2014, UTC+3 since 26.10.2014
    [InlineData("Europe/Moscow", 2014)]
    [InlineData("Asia/Yekaterinburg", 2014)]
    [InlineData("Europe/Berlin", 2024)] // two transitions a year
    [InlineData("America/New_York", 2024)]
    [InlineData("Australia/Lord_Howe", 2024)] // a half-hour transition
    public void Every_instant_converts_as_the_time_zone_rules_say(string zoneId, int year)
    {
        var zone = SchoolTimeZone.Resolve(zoneId);
        var clock = new SchoolClock(zone, 5, ProductionCalendar.Russia);
        var instant = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = instant.AddYears(1);
        var checkedCount = 0;
        var transitions = 0;
        TimeSpan? lastOffset = null;
        while (instant < end)
        {
            // Visit instants out of order too, so cached days are overwritten and looked up again.
            foreach (var at in new[] { instant, instant.AddDays(-40).AddMinutes(7), instant.AddHours(11).AddTicks(1) })
            {
                var expected = TimeZoneInfo.ConvertTime(at, zone);
                var actual = clock.ToSchoolTime(at);
                Assert.Equal(expected, actual);
                Assert.Equal(expected.Offset, actual.Offset);
                checkedCount++;
            }

            var offset = TimeZoneInfo.ConvertTime(instant, zone).Offset;
            if (lastOffset is { } previous && previous != offset)
            {
                transitions++;
            }

            lastOffset = offset;
            instant = instant.AddMinutes(37);
        }

        Assert.True(checkedCount > 40_000);
        if (zoneId is "Europe/Berlin" or "America/New_York" or "Australia/Lord_Howe")
        {
            Assert.Equal(2, transitions);
        }
    }

    [Fact]
    public void The_instant_just_before_and_at_a_transition_keep_their_own_offsets()
    {
        var zone = SchoolTimeZone.Resolve("Europe/Moscow");
        var clock = new SchoolClock(zone, 5, ProductionCalendar.Russia);

        // 26.10.2014 02:00 MSK+4 became 01:00 MSK+3 (25.10.2014 22:00 UTC).
        var change = new DateTimeOffset(2014, 10, 25, 22, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromHours(4), clock.ToSchoolTime(change.AddTicks(-1)).Offset);
        Assert.Equal(TimeSpan.FromHours(3), clock.ToSchoolTime(change).Offset);
        Assert.Equal(TimeSpan.FromHours(3), clock.ToSchoolTime(change.AddHours(1)).Offset);
        Assert.Equal(TimeSpan.FromHours(4), clock.ToSchoolTime(change.AddHours(-1)).Offset);
    }
}
