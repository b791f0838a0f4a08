using System;
using System.Collections.Generic;

namespace Eljur.Abstractions.Model;

/// <summary>The JSON spellings of the model's enumerations, shared by the snapshot reader and writer.</summary>
public static class JsonNames
{
    private static readonly Dictionary<Type, (string[] Names, Array Values)> Table = new()
    {
        [typeof(PeriodKind)] = Build<PeriodKind>("quarter", "trimester", "halfYear", "year"),
        [typeof(LessonKind)] = Build<LessonKind>("regular", "test", "lab", "practical", "excursion"),
        [typeof(AbsenceReason)] = Build<AbsenceReason>("unknown", "valid", "invalid"),
        [typeof(MarkKind)] = Build<MarkKind>("current", "written", "period", "year", "exam", "gia", "final"),
        [typeof(StaffRole)] = Build<StaffRole>("teacher", "classTeacher", "deputy", "director", "administrator", "secretary"),
        [typeof(AccountRole)] = Build<AccountRole>("student", "parent", "teacher", "administration"),
        [typeof(OperationKind)] = Build<OperationKind>("backup", "archive", "export", "print"),
        [typeof(ArchiveDocumentType)] = Build<ArchiveDocumentType>("classJournal", "summarySheet", "electronicCopy"),
    };

    /// <summary>The JSON name of an enumeration value.</summary>
    /// <typeparam name="T">One of the model's enumerations.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>Its camelCase JSON spelling.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one the enumeration defines.</exception>
    public static string Of<T>(T value)
        where T : struct, Enum => TryOf(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), "undefined " + typeof(T).Name + " value " + Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// The JSON name of an enumeration value, found among the enumeration's few values without boxing
    /// it (the writer names a million marks' kinds); false for a value the enumeration does not define.
    /// </summary>
    internal static bool TryOf<T>(T value, out string name)
        where T : struct, Enum
    {
        var values = Row<T>.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (EqualityComparer<T>.Default.Equals(values[i], value))
            {
                name = Row<T>.Names[i];
                return true;
            }
        }

        name = "";
        return false;
    }

    /// <summary>Parses the JSON name of an enumeration value (exact, case-sensitive).</summary>
    /// <typeparam name="T">One of the model's enumerations.</typeparam>
    /// <param name="name">The JSON spelling.</param>
    /// <param name="value">The value when found.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse<T>(string name, out T value)
        where T : struct, Enum
    {
        var (names, values) = Table[typeof(T)];
        var i = Array.IndexOf(names, name);
        value = i >= 0 ? (T)values.GetValue(i)! : default;
        return i >= 0;
    }

    /// <summary>Every JSON name of an enumeration, in declaration order.</summary>
    /// <typeparam name="T">One of the model's enumerations.</typeparam>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> AllOf<T>()
        where T : struct, Enum => Table[typeof(T)].Names;

    /// <summary>One enumeration's row of the table, typed, so a look-up needs neither the dictionary nor a box.</summary>
    private static class Row<T>
        where T : struct, Enum
    {
        internal static readonly string[] Names = Table[typeof(T)].Names;

        internal static readonly T[] Values = (T[])Table[typeof(T)].Values;
    }

    private static (string[] Names, Array Values) Build<T>(params string[] names)
        where T : struct, Enum
    {
        var values = (T[])Enum.GetValues(typeof(T));
        if (values.Length != names.Length)
        {
            throw new InvalidOperationException("JSON names do not cover " + typeof(T).Name);
        }

        return (names, values);
    }
}
