using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Eljur.Abstractions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Eljur.Cli.Connectors;

/// <summary><c>--connector asiou</c>: АСИОУ «Школа» export files (see <c>docs/connectors/asiou.md</c>).</summary>
internal sealed class AsiouCliConnector : ICliConnector
{
    private static readonly ConnectorOption[] Own =
    {
        new("--export-dir", "Папка с выгрузками АСИОУ (журнал, отметки, список учащихся)"),
        new("--mapping", "JSON-файл сопоставления колонок (по умолчанию — встроенное, см. docs/connectors/asiou.md)"),
        new("--encoding", "Кодировка выгрузок CSV: auto, utf-8 или windows-1251 (по умолчанию auto)"),
        new("--delimiter", "Разделитель полей CSV: auto, ; или , (по умолчанию auto)"),
        new("--sheet", "Лист выгрузок .xlsx (по умолчанию — первый видимый лист)"),
        new("--school-name", "Название школы для отчёта"),
        new("--time-zone", "Часовой пояс школы (IANA), например Asia/Yekaterinburg"),
    };

    private static readonly Dictionary<string, string> PropertyOptions = new()
    {
        ["ExportDirectory"] = "--export-dir",
        ["MappingFile"] = "--mapping",
        ["Encoding"] = "--encoding",
        ["Delimiter"] = "--delimiter",
        ["Sheet"] = "--sheet",
        ["SchoolName"] = "--school-name",
        ["TimeZone"] = "--time-zone",
    };

    private static readonly Regex Property = new(@"^AsiouOptions\[[^\]]*\]\.(\w+):\s*", RegexOptions.CultureInvariant);

    public string Id => "asiou";

    public string Description => "АСИОУ «Школа», файлы выгрузки";

    public IReadOnlyList<ConnectorOption> Options => Own;

    public void Register(IGradebookBuilder builder, ConnectorValues values)
    {
        var directory = values.Require("--export-dir");
        builder.AddAsiou("asiou", o =>
        {
            o.ExportDirectory = directory;
            o.MappingFile = values.Get("--mapping");
            o.Encoding = values.Get("--encoding") ?? o.Encoding;
            o.Delimiter = values.Get("--delimiter") ?? o.Delimiter;
            o.Sheet = values.Get("--sheet");
            o.SchoolName = values.Get("--school-name");
            o.TimeZone = values.Get("--time-zone") ?? o.TimeZone;
        });
    }

    public string Explain(string failure) => ValidationFailures.Explain(failure, Property, PropertyOptions, Own);
}
