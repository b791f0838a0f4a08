using System;

namespace Eljur.Abstractions.Time;

/// <summary>Resolves a school's IANA time zone id.</summary>
public static class SchoolTimeZone
{
    /// <summary>Finds the time zone for an IANA id such as <c>Asia/Yekaterinburg</c>.</summary>
    /// <param name="ianaId">The IANA id.</param>
    /// <returns>The time zone.</returns>
    /// <exception cref="ArgumentException">The id is empty or unknown on this system.</exception>
    public static TimeZoneInfo Resolve(string ianaId)
    {
        if (string.IsNullOrWhiteSpace(ianaId))
        {
            throw new ArgumentException("The school has no time zone (school.timeZone).", nameof(ianaId));
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ianaId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
#if NET8_0_OR_GREATER
            if (TimeZoneInfo.TryConvertIanaIdToWindowsId(ianaId, out var windowsId))
            {
                return TimeZoneInfo.FindSystemTimeZoneById(windowsId);
            }
#endif
            throw new ArgumentException($"Unknown time zone \"{ianaId}\" (school.timeZone): expected an IANA id such as Europe/Moscow.", nameof(ianaId), ex);
        }
    }
}
