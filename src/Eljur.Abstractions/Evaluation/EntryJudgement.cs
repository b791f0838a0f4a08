using System;

namespace Eljur.Abstractions.Evaluation;

/// <summary>
/// Judges an entry time against a deadline per <em>Observed times</em> of the snapshot format: the
/// true entry time lies in (<c>enteredAfter</c>, <c>enteredAt</c>].
/// </summary>
public static class EntryJudgement
{
    /// <summary>Whether an entry missed its deadline, and how surely.</summary>
    /// <param name="deadline">The deadline (its last instant).</param>
    /// <param name="enteredAt">When the entry was made, or first observed.</param>
    /// <param name="enteredAfter">The last time it was looked for and not seen; null when the time is exact.</param>
    /// <returns>
    /// <see cref="Certainty.Certain"/> when <paramref name="enteredAfter"/> is at or past the deadline (or, without it,
    /// when <paramref name="enteredAt"/> is past it); <see cref="Certainty.Possible"/> when only <paramref name="enteredAt"/>
    /// is past it; null when the entry met the deadline.
    /// </returns>
    public static Certainty? Judge(DateTimeOffset deadline, DateTimeOffset enteredAt, DateTimeOffset? enteredAfter)
    {
        if (enteredAfter is { } after)
        {
            if (after >= deadline)
            {
                return Certainty.Certain;
            }

            return enteredAt > deadline ? Certainty.Possible : null;
        }

        return enteredAt > deadline ? Certainty.Certain : null;
    }
}
