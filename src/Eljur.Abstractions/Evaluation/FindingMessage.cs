using System;
using Eljur.Abstractions.Time;

namespace Eljur.Abstractions.Evaluation;

/// <summary>
/// A finding's message not yet written: one small object holding what the text needs, composed when
/// <see cref="Finding.Message"/> is first read (cheaper than a closure and a delegate per finding).
/// </summary>
internal abstract class FindingMessage
{
    public abstract string Compose();
}

/// <summary>The message of a late entry: the record's description, then when it was entered and the deadline.</summary>
/// <typeparam name="TState">What the description is made from.</typeparam>
internal sealed class LateEntryMessage<TState> : FindingMessage
{
    private readonly Func<TState, string> _what;
    private readonly TState _state;
    private readonly Certainty _certainty;
    private readonly DateTimeOffset _seen;
    private readonly DateTimeOffset _deadline;
    private readonly DateTimeOffset? _enteredAfter;
    private readonly SchoolClock _clock;

    public LateEntryMessage(Func<TState, string> what, TState state, Certainty certainty, DateTimeOffset seen, DateTimeOffset deadline, DateTimeOffset? enteredAfter, SchoolClock clock)
    {
        _what = what;
        _state = state;
        _certainty = certainty;
        _seen = seen;
        _deadline = deadline;
        _enteredAfter = enteredAfter;
        _clock = clock;
    }

    public override string Compose()
    {
        var what = _what(_state);
        return _certainty == Certainty.Certain
            ? $"{what}: внесено {RussianText.Moment(_seen)}, срок — до {RussianText.Moment(_deadline)}."
            : $"{what}: впервые замечено {RussianText.Moment(_seen)}, срок — до {RussianText.Moment(_deadline)}; при проверке {RussianText.Moment(_clock.ToSchoolTime(_enteredAfter!.Value))} записи ещё не было, поэтому опоздание возможно, но не доказано.";
    }
}

/// <summary>A message made from a state by a function, when first read.</summary>
/// <typeparam name="TState">What the message is made from.</typeparam>
internal sealed class StateMessage<TState> : FindingMessage
{
    private readonly Func<TState, string> _compose;
    private readonly TState _state;

    public StateMessage(Func<TState, string> compose, TState state)
    {
        _compose = compose;
        _state = state;
    }

    public override string Compose() => _compose(_state);
}
