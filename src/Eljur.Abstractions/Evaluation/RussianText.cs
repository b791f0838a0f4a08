using System;
using System.Globalization;

namespace Eljur.Abstractions.Evaluation;

/// <summary>Formatting helpers for the Russian text of findings and reports.</summary>
public static class RussianText
{
    /// <summary>The Russian culture used for numbers and names.</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>A date as <c>28.10.2024</c>.</summary>
    /// <param name="date">Date.</param>
    /// <returns>Text.</returns>
    public static string Date(DateTime date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>A moment as <c>02.11.2024 23:59</c> (seconds shown when not zero), in the offset it carries.</summary>
    /// <param name="moment">Moment, already in the school's offset.</param>
    /// <returns>Text.</returns>
    public static string Moment(DateTimeOffset moment) =>
        moment.ToString(moment.Second == 0 || (moment.Second == 59 && moment.Minute == 59 && moment.Hour == 23) ? "dd.MM.yyyy HH:mm" : "dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A ratio as a percentage, e.g. <c>92,3 %</c>.</summary>
    /// <param name="value">Ratio 0..1.</param>
    /// <returns>Text.</returns>
    public static string Percent(double value) => (value * 100).ToString("0.#", Culture) + "\u00a0%";
}
