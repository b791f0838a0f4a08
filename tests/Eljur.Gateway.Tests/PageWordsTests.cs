using Eljur.Gateway.Web;

namespace Eljur.Gateway.Tests;

/// <summary>What the school page says of a school's source and schedule is in words, not codes.</summary>
public class PageWordsTests
{
    [Theory]
    [InlineData("0 30 2 * * ?", "ежедневно в 02:30")]
    [InlineData("0 0 20 * * ?", "ежедневно в 20:00")]
    [InlineData("0 5 7 ? * *", "ежедневно в 07:05")]
    [InlineData("0 0 7 ? * MON", "по расписанию «0 0 7 ? * MON»")]
    [InlineData("0 0/30 * * * ?", "по расписанию «0 0/30 * * * ?»")]
    public void A_daily_schedule_reads_as_words(string cron, string expected)
    {
        Assert.Equal(expected, Html.Schedule(cron));
    }

    [Theory]
    [InlineData("eljur", "ЭлЖур")]
    [InlineData("mosreg", "Дневник.ру")]
    [InlineData("asiou", "выгрузки АСИОУ «Школа»")]
    public void A_connector_reads_as_the_platform_name(string connector, string expected)
    {
        Assert.Equal(expected, Html.Source(connector));
    }
}
