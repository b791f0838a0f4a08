using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.DependencyInjection;
using Eljur.Connectors.Asiou.Tests.Xlsx;
using Eljur.Connectors.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Eljur.Connectors.Asiou.Tests;

/// <summary>
/// The АСИОУ connector over a temporary copy of the fixture exports (UTF-8 with BOM as committed,
/// transcoded to Windows-1251 without a BOM, or written as .xlsx workbooks with the same content),
/// for the conformance suite and the connector's own tests.
/// </summary>
internal sealed class AsiouHarness : ConnectorHarness
{
    public AsiouHarness(bool windows1251 = false, bool xlsx = false)
        : base(null)
    {
        Xlsx = xlsx;
        Directory = xlsx ? XlsxFixtures.CopyTo() : Fixtures.CopyTo(windows1251);
    }

    public string Directory { get; }

    /// <summary>Whether the exports are .xlsx workbooks.</summary>
    public bool Xlsx { get; }

    public override string ConnectorId => "asiou";

    public override Type OptionsType => typeof(AsiouOptions);

    /// <summary>September 2024; the fixtures also hold rows of October, outside the range.</summary>
    public override FetchRequest Request { get; } = new() { From = new DateTime(2024, 9, 1), To = new DateTime(2024, 9, 30) };

    public override IReadOnlyCollection<string> Secrets => Array.Empty<string>();

    public override void Register(IGradebookBuilder builder, string name, ConformanceSettings settings) =>
        builder.AddAsiou(name, Configure);

    public void Configure(AsiouOptions o)
    {
        o.ExportDirectory = Directory;
        o.SchoolName = "Средняя школа № 32";
        o.SchoolId = "sch32";
        o.TimeZone = "Europe/Moscow";
    }

    public override IEnumerable<InvalidOptionsCase> InvalidOptions()
    {
        InvalidOptionsCase Case(string description, Action<AsiouOptions> spoil, string expected) => new(
            description,
            (builder, name) => builder.AddAsiou(name, o =>
            {
                Configure(o);
                spoil(o);
            }),
            expected);

        var badMapping = Path.Combine(Directory, "bad-mapping.json");
        File.WriteAllText(badMapping, "{ \"marks\": { \"columns\": { \"student\": \"Ученик\", \"mark\": \"Отметка\" } } }");
        yield return Case("no export folder", o => o.ExportDirectory = null, "ExportDirectory");
        yield return Case("a folder that does not exist", o => o.ExportDirectory = Path.Combine(Directory, "nowhere"), "не найдена");
        yield return Case("a mapping file that does not exist", o => o.MappingFile = Path.Combine(Directory, "missing.json"), "MappingFile");
        yield return Case("a mapping with an unknown field", o => o.MappingFile = badMapping, "marks.columns.mark");
        yield return Case("an unknown encoding", o => o.Encoding = "koi8-r", "koi8-r");
        yield return Case("a tab delimiter", o => o.Delimiter = "\t", "Delimiter");
        yield return Case("an unknown time zone", o => o.TimeZone = "Europe/Atlantis", "Europe/Atlantis");
        yield return Case("a 4-day week", o => o.WorkWeek = 4, "WorkWeek");
        yield return Case("a pattern with a folder", o => o.MarksFilePattern = "../marks*.csv", "MarksFilePattern");
        yield return Case("a pattern list with a folder in one of its patterns", o => o.JournalFilePattern = "journal*.csv;../journal*.xlsx", "../journal*.xlsx");
        yield return Case("a pattern list with no pattern in it", o => o.StudentsFilePattern = " ; ", "StudentsFilePattern");
        yield return Case("a blank sheet name", o => o.Sheet = "  ", "Sheet");
    }

    /// <summary>Appends a row with an impossible date to the marks export.</summary>
    public override bool TryCorruptSource()
    {
        const string bad = "Иванов Иван Иванович;5А;Математика;31.02.2024;5;Текущая;02.09.2024 14:05\r\n";
        if (Xlsx)
        {
            XlsxFixtures.WriteFromCsv(Path.Combine(Directory, "marks.xlsx"), XlsxFixtures.SourceText("marks.csv").Replace("Итого;;;;;;\r\n", bad));
            return true;
        }

        var path = Path.Combine(Directory, "marks.csv");
        var text = Fixtures.Read(path).Replace("Итого;;;;;;\r\n", bad);
        Fixtures.Write(path, text, Fixtures.EncodingOf(path));
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

/// <summary>The committed fixture exports and helpers to copy, transcode and edit them.</summary>
internal static class Fixtures
{
    static Fixtures() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static readonly string[] Files = { "students.csv", "journal.csv", "marks.csv" };

    public static Encoding Windows1251 => Encoding.GetEncoding(1251);

    public static Encoding Utf8Bom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static string Source => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>A new temporary folder with the three exports, as committed (UTF-8 with BOM) or in Windows-1251.</summary>
    public static string CopyTo(bool windows1251)
    {
        var dir = NewDirectory();
        foreach (var file in Files)
        {
            var text = File.ReadAllText(Path.Combine(Source, file), Encoding.UTF8);
            Write(Path.Combine(dir, file), text, windows1251 ? Windows1251 : Utf8Bom);
        }

        return dir;
    }

    public static string NewDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "asiou-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        return dir;
    }

    public static void Write(string path, string text, Encoding encoding)
    {
        var preamble = encoding.GetPreamble();
        var body = encoding.GetBytes(text.TrimStart('\uFEFF'));
        using var stream = File.Create(path);
        stream.Write(preamble, 0, preamble.Length);
        stream.Write(body, 0, body.Length);
    }

    public static Encoding EncodingOf(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? Utf8Bom : Windows1251;
    }

    public static string Read(string path) => File.ReadAllText(path, EncodingOf(path)).TrimStart('\uFEFF');

    /// <summary>Replaces text in an export, keeping its encoding.</summary>
    public static void Edit(string path, string from, string to)
    {
        var text = Read(path);
        if (!text.Contains(from, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"«{from}» is not in {path}");
        }

        Write(path, text.Replace(from, to, StringComparison.Ordinal), EncodingOf(path));
    }
}
