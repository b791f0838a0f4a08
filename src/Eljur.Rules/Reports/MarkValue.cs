using System;
using System.Collections.Generic;

namespace Eljur.Rules.Reports;

/// <summary>What a mark's value means for progress figures.</summary>
internal enum MarkValueKind
{
    /// <summary>Not a mark the reports understand (e.g. an attendance sign); ignored.</summary>
    Unknown,

    /// <summary>One or more numbers 1–5 (a double mark «3/5» has two).</summary>
    Numeric,

    /// <summary>Зачёт: counts as a mark, not for averages or quality.</summary>
    Pass,

    /// <summary>Незачёт: a failing mark without a number.</summary>
    Fail,

    /// <summary>Не аттестован (н/а): treated as failing.</summary>
    NotAttested,
}

/// <summary>A parsed mark value: «5», «4-», «3/5», «зач», «н/а», …</summary>
internal readonly struct MarkValue
{
    private static readonly HashSet<string> PassWords = new(StringComparer.Ordinal) { "зач", "зач.", "зачет", "зачтено", "зч", "з" };
    private static readonly HashSet<string> FailWords = new(StringComparer.Ordinal) { "незач", "незач.", "незачет", "не зач", "не зачтено", "незачтено", "нзч" };
    private static readonly HashSet<string> NotAttestedWords = new(StringComparer.Ordinal) { "н/а", "н/a", "на", "н.а.", "н.а", "не аттестован", "неаттестован" };

    private MarkValue(MarkValueKind kind, IReadOnlyList<int> numbers)
    {
        Kind = kind;
        Numbers = numbers;
    }

    public MarkValueKind Kind { get; }

    /// <summary>The numbers of a numeric mark (two for a double mark); empty otherwise.</summary>
    public IReadOnlyList<int> Numbers { get; }

    /// <summary>True for a failing mark: a 2 or 1 (in a double mark too), незачёт or н/а.</summary>
    public bool IsFailing => Kind is MarkValueKind.Fail or MarkValueKind.NotAttested || (Kind == MarkValueKind.Numeric && HasNumberBelow(3));

    /// <summary>True when the mark counts as a mark at all.</summary>
    public bool IsKnown => Kind != MarkValueKind.Unknown;

    public static MarkValue Parse(string? value)
    {
        var text = (value ?? "").Trim().ToLowerInvariant().Replace('ё', 'е');
        if (text.Length == 0)
        {
            return new MarkValue(MarkValueKind.Unknown, Array.Empty<int>());
        }

        if (NotAttestedWords.Contains(text))
        {
            return new MarkValue(MarkValueKind.NotAttested, Array.Empty<int>());
        }

        if (PassWords.Contains(text))
        {
            return new MarkValue(MarkValueKind.Pass, Array.Empty<int>());
        }

        if (FailWords.Contains(text))
        {
            return new MarkValue(MarkValueKind.Fail, Array.Empty<int>());
        }

        var parts = text.Split('/');
        var numbers = new List<int>(parts.Length);
        foreach (var raw in parts)
        {
            var part = raw.Trim().TrimEnd('+', '-', '−');
            if (part.Length != 1 || part[0] < '1' || part[0] > '5')
            {
                return new MarkValue(MarkValueKind.Unknown, Array.Empty<int>());
            }

            numbers.Add(part[0] - '0');
        }

        return new MarkValue(MarkValueKind.Numeric, numbers);
    }

    private bool HasNumberBelow(int n)
    {
        foreach (var x in Numbers)
        {
            if (x < n)
            {
                return true;
            }
        }

        return false;
    }
}
