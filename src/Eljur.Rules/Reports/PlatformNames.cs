namespace Eljur.Rules.Reports;

/// <summary>The platform a connector id stands for, in the words a school uses («ЭлЖур», «Дневник.ру»).</summary>
public static class PlatformNames
{
    /// <summary>The platform's Russian name; an id not known here is returned as given.</summary>
    /// <param name="connectorId">The connector id (<c>eljur</c>, <c>mosreg</c>, <c>asiou</c>, …).</param>
    /// <returns>The name to show.</returns>
    public static string Russian(string connectorId) => connectorId switch
    {
        "eljur" => "ЭлЖур",
        "mosreg" => "Дневник.ру",
        "asiou" => "выгрузки АСИОУ «Школа»",
        "demo" => "демонстрационные данные",
        "file" => "файл снимка",
        "synthetic" => "сгенерированные данные",
        _ => connectorId,
    };
}
