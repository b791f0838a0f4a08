using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;
using Eljur.Abstractions.Connectors;
using Eljur.Abstractions.Model;
using Xunit.Abstractions;

namespace Eljur.Connectors.Asiou.Tests;

/// <summary>The school of the 100,000-row export tests (CSV and XLSX): its size, names, and the measured fetch.</summary>
internal static class LargeSchool
{
    public const int Rows = 100_000;
    public const int Classes = 40;
    public const int StudentsPerClass = 25;

    public static readonly string[] Subjects = { "Математика", "Русский язык", "Литература", "История", "Физика", "Английский язык" };

    private static readonly string[] Surnames = { "Иванов", "Петров", "Сидоров", "Кузнецов", "Смирнов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков" };
    private static readonly string[] Names = { "Александр", "Дмитрий", "Максим", "Сергей", "Андрей" };

    public static string ClassName(int c) => $"{5 + (c % 7)}{"АБВГДЕ"[c / 7]}";

    public static string Student(int c, int s) => $"{Surnames[s % 10]} {Names[s / 10 % 5]} {Names[(s + c) % 5]}ович";

    /// <summary>Fetches the school year from <paramref name="dir"/> and reports time, allocations, what is retained and the working set.</summary>
    public static async Task<(GradebookSnapshot Snapshot, long Retained)> MeasuredFetchAsync(string dir, ITestOutputHelper output)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakBefore = process.PeakWorkingSet64;
        var workingBefore = process.WorkingSet64;

        var watch = Stopwatch.StartNew();
        var snapshot = await TestSupport.FetchAsync(dir, request: new FetchRequest { From = new DateTime(2024, 9, 1), To = new DateTime(2025, 5, 31) });
        watch.Stop();

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        process.Refresh();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fetch: {watch.Elapsed.TotalMilliseconds:0} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated: {allocated / 1024.0 / 1024.0:0.0} MiB; retained (the snapshot): {retained / 1024.0 / 1024.0:0.0} MiB"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"working set: {workingBefore / 1024.0 / 1024.0:0.0} → {process.WorkingSet64 / 1024.0 / 1024.0:0.0} MiB; peak working set: {peakBefore / 1024.0 / 1024.0:0.0} → {process.PeakWorkingSet64 / 1024.0 / 1024.0:0.0} MiB"));
        return (snapshot, retained);
    }
}
