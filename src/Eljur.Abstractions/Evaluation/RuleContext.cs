using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Eljur.Abstractions.Model;
using Eljur.Abstractions.Policies;
using Eljur.Abstractions.Time;

namespace Eljur.Abstractions.Evaluation;

/// <summary>
/// What one rule sees while it is evaluated: the prepared data, its use in the policy (clause,
/// severity) and the channels to report findings, a metric, or data it could not evaluate.
/// </summary>
public sealed class RuleContext
{
    private readonly List<Finding> _findings;
    private readonly Dictionary<string, SortedSet<string>> _notEvaluable = new(StringComparer.Ordinal);
    private readonly HashSet<string> _disabledAspects;
    private DeadlineAnchor? _lastAnchor;
    private DateTime _lastDate;
    private DateTimeOffset _lastDeadline;
    private int _lastMissingYear;
    private readonly long _asOfUtcTicks;

    internal RuleContext(RuleDefinition rule, RuleUse use, EvaluationData data, List<Finding> findings, HashSet<string> disabledAspects)
    {
        Rule = rule;
        Use = use;
        Data = data;
        _findings = findings;
        _disabledAspects = disabledAspects;
        _asOfUtcTicks = data.AsOf.UtcTicks;
    }

    /// <summary>The rule being evaluated.</summary>
    public RuleDefinition Rule { get; }

    /// <summary>Its use in the policy.</summary>
    public RuleUse Use { get; }

    /// <summary>The prepared snapshot.</summary>
    public EvaluationData Data { get; }

    /// <summary>The school's clock.</summary>
    public SchoolClock Clock => Data.Clock;

    /// <summary>The as-of moment, in the school's offset.</summary>
    public DateTimeOffset AsOf => Data.AsOf;

    /// <summary>Numerator reported by a metric.</summary>
    public long? MetricNumerator { get; private set; }

    /// <summary>Denominator reported by a metric.</summary>
    public long? MetricDenominator { get; private set; }

    internal IEnumerable<KeyValuePair<string, SortedSet<string>>> NotEvaluableAspects => _notEvaluable;

    /// <summary>Whether an aspect can be evaluated (its capabilities were declared).</summary>
    /// <param name="aspect">The aspect.</param>
    /// <returns>True when it can.</returns>
    public bool CanEvaluate(string aspect) => _disabledAspects.Count == 0 || !_disabledAspects.Contains(aspect);

    /// <summary>
    /// Whether <see cref="CheckEntry(string, FindingEntity, string, DateTimeOffset, DateTimeOffset?, DateTimeOffset?, string, ResponsibleStaff)"/> with these values would do anything: report a finding (the
    /// deadline has passed and was missed, certainly or possibly) or record a missing entry time. Most
    /// records meet their deadline, so a rule asks this first and builds the Russian description of
    /// the record only when it is needed.
    /// </summary>
    /// <param name="aspect">Aspect of the finding.</param>
    /// <param name="deadline">The deadline.</param>
    /// <param name="enteredAt">When entered or first observed.</param>
    /// <param name="enteredAfter">When last looked for and not seen.</param>
    /// <returns>False when <see cref="CheckEntry(string, FindingEntity, string, DateTimeOffset, DateTimeOffset?, DateTimeOffset?, string, ResponsibleStaff)"/> would return null without recording anything.</returns>
    public bool WouldReportEntry(string aspect, DateTimeOffset deadline, DateTimeOffset? enteredAt, DateTimeOffset? enteredAfter) =>
        deadline < AsOf && CanEvaluate(aspect) && (enteredAt is not { } at || EntryJudgement.Judge(deadline, at, enteredAfter) is not null);

    /// <summary>
    /// <see cref="WouldReportEntry(string, DateTimeOffset, DateTimeOffset?, DateTimeOffset?)"/> for a mark
    /// read as a compact entry (<see cref="EvaluationData.MarkEntriesInScope(MarkKind)"/>).
    /// </summary>
    /// <param name="aspect">Aspect of the finding.</param>
    /// <param name="deadline">The deadline.</param>
    /// <param name="entry">The mark's entry.</param>
    /// <returns>False when checking the mark would report nothing and record nothing.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool WouldReportEntry(string aspect, DateTimeOffset deadline, in MarkEntry entry)
    {
        var deadlineTicks = deadline.UtcTicks;
        if (deadlineTicks >= _asOfUtcTicks || !CanEvaluate(aspect))
        {
            return false;
        }

        if (!entry.HasEnteredAt)
        {
            return true;
        }

        // EntryJudgement.Judge on instants: certain when still absent at or after the deadline, possible
        // (or certain, for an exact time) when first seen after it.
        return entry.HasEnteredAfter
            ? entry.EnteredAfterUtcTicks >= deadlineTicks || entry.EnteredAtUtcTicks > deadlineTicks
            : entry.EnteredAtUtcTicks > deadlineTicks;
    }

    /// <summary>Reports a finding. Findings for a disabled aspect are ignored.</summary>
    /// <param name="aspect">Which part failed.</param>
    /// <param name="entity">The record.</param>
    /// <param name="message">Russian explanation.</param>
    /// <param name="certainty">How sure.</param>
    /// <param name="deadline">The deadline, for deadline rules.</param>
    /// <param name="observed">What was observed (absent for <c>missing</c>).</param>
    /// <param name="severity">The rule's default severity for this finding; a policy's override applies unless it is <see cref="Severity.Info"/>.</param>
    /// <param name="responsible">Who must put it right (<see cref="EvaluationData.Responsibility"/>); null for the administration.</param>
    public void Report(
        string aspect,
        FindingEntity entity,
        string message,
        Certainty certainty = Certainty.Certain,
        DateTimeOffset? deadline = null,
        DateTimeOffset? observed = null,
        Severity severity = Severity.Error,
        ResponsibleStaff? responsible = null)
    {
        if (!CanEvaluate(aspect))
        {
            return;
        }

        _findings.Add(Create(aspect, entity, certainty, SchoolTime(deadline), SchoolTime(observed), severity, message ?? "", null, responsible));
    }

    /// <summary>
    /// Reports a finding whose Russian explanation is composed only when somebody reads
    /// <see cref="Finding.Message"/>. Use it where a rule may report many findings: formatting names,
    /// dates and values costs more than finding the breach. The function must depend only on data
    /// that does not change afterwards (the snapshot, the rule's parameters, the values captured).
    /// </summary>
    /// <param name="aspect">Which part failed.</param>
    /// <param name="entity">The record.</param>
    /// <param name="message">Composes the Russian explanation.</param>
    /// <param name="certainty">How sure.</param>
    /// <param name="deadline">The deadline, for deadline rules.</param>
    /// <param name="observed">What was observed (absent for <c>missing</c>).</param>
    /// <param name="severity">The rule's default severity for this finding; a policy's override applies unless it is <see cref="Severity.Info"/>.</param>
    /// <param name="responsible">Who must put it right (<see cref="EvaluationData.Responsibility"/>); null for the administration.</param>
    public void Report(
        string aspect,
        FindingEntity entity,
        Func<string> message,
        Certainty certainty = Certainty.Certain,
        DateTimeOffset? deadline = null,
        DateTimeOffset? observed = null,
        Severity severity = Severity.Error,
        ResponsibleStaff? responsible = null) =>
        Report(aspect, entity, static compose => compose(), message ?? throw new ArgumentNullException(nameof(message)), certainty, deadline, observed, severity, responsible);

    /// <summary>
    /// <see cref="Report(string, FindingEntity, Func{string}, Certainty, DateTimeOffset?, DateTimeOffset?, Severity, ResponsibleStaff)"/>
    /// with the message made from <paramref name="state"/> by <paramref name="message"/> (best a static
    /// lambda): one small object per finding instead of a closure and a delegate.
    /// </summary>
    /// <typeparam name="TState">What the message is made from.</typeparam>
    /// <param name="aspect">Which part failed.</param>
    /// <param name="entity">The record.</param>
    /// <param name="message">Composes the Russian explanation from <paramref name="state"/>.</param>
    /// <param name="state">Passed to <paramref name="message"/>.</param>
    /// <param name="certainty">How sure.</param>
    /// <param name="deadline">The deadline, for deadline rules.</param>
    /// <param name="observed">What was observed (absent for <c>missing</c>).</param>
    /// <param name="severity">The rule's default severity for this finding; a policy's override applies unless it is <see cref="Severity.Info"/>.</param>
    /// <param name="responsible">Who must put it right (<see cref="EvaluationData.Responsibility"/>); null for the administration.</param>
    public void Report<TState>(
        string aspect,
        FindingEntity entity,
        Func<TState, string> message,
        TState state,
        Certainty certainty = Certainty.Certain,
        DateTimeOffset? deadline = null,
        DateTimeOffset? observed = null,
        Severity severity = Severity.Error,
        ResponsibleStaff? responsible = null)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        if (!CanEvaluate(aspect))
        {
            return;
        }

        _findings.Add(Create(aspect, entity, certainty, SchoolTime(deadline), SchoolTime(observed), severity, null, new StateMessage<TState>(message, state), responsible));
    }

    private DateTimeOffset? SchoolTime(DateTimeOffset? instant) => instant is { } i ? Clock.ToSchoolTime(i) : null;

    /// <summary>A finding whose times are already in the school's offset, with its text or what composes it.</summary>
    private Finding Create(string aspect, FindingEntity entity, Certainty certainty, DateTimeOffset? deadline, DateTimeOffset? observed, Severity severity, string? text, FindingMessage? composer, ResponsibleStaff? responsible)
    {
        var effective = severity == Severity.Info ? Severity.Info : Use.Severity ?? severity;
        return composer is null
            ? new Finding
            {
                Rule = Rule.Id,
                Clause = Use.Clause,
                Severity = effective,
                Certainty = certainty,
                Aspect = aspect,
                Entity = entity,
                Deadline = deadline,
                Observed = observed,
                Responsible = responsible,
                Message = text ?? "",
            }
            : new Finding
            {
                Rule = Rule.Id,
                Clause = Use.Clause,
                Severity = effective,
                Certainty = certainty,
                Aspect = aspect,
                Entity = entity,
                Deadline = deadline,
                Observed = observed,
                Responsible = responsible,
                ComposeWith = composer,
            };
    }

    /// <summary>Records that some records of an aspect lacked data the source should have provided.</summary>
    /// <param name="aspect">The aspect, or null for the whole rule.</param>
    /// <param name="capability">The capability whose data was missing.</param>
    public void MissingData(string? aspect, string capability)
    {
        var key = aspect ?? "";
        if (!_notEvaluable.TryGetValue(key, out var set))
        {
            set = new SortedSet<string>(StringComparer.Ordinal);
            _notEvaluable.Add(key, set);
        }

        set.Add(capability);
    }

    /// <summary>Reports the value of a metric.</summary>
    /// <param name="numerator">Numerator.</param>
    /// <param name="denominator">Denominator.</param>
    public void SetMetric(long numerator, long denominator)
    {
        if (numerator < 0 || denominator < 0 || numerator > denominator)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), $"A metric needs 0 <= numerator <= denominator, got {numerator}/{denominator}.");
        }

        MetricNumerator = numerator;
        MetricDenominator = denominator;
    }

    /// <summary>
    /// Computes the deadline of a record from an anchor. Returns null (and records the missing lesson
    /// times for <paramref name="aspect"/>) when the anchor needs lesson times the record lacks.
    /// </summary>
    /// <param name="anchor">The anchor.</param>
    /// <param name="date">The record's date (lesson or mark date).</param>
    /// <param name="lesson">The record's lesson, when any.</param>
    /// <param name="classId">The record's class, for <c>afterClassDay</c>.</param>
    /// <param name="aspect">Aspect to charge when the deadline cannot be computed.</param>
    /// <returns>The deadline or null.</returns>
    public DateTimeOffset? Deadline(DeadlineAnchor anchor, DateTime date, Lesson? lesson, string? classId, string? aspect)
    {
        switch (anchor.Kind)
        {
            case DeadlineAnchorKind.SameDay:
            case DeadlineAnchorKind.CalendarDays:
            case DeadlineAnchorKind.WorkingDays:
                // Records come in runs of one date (the marks of a lesson): the last answer is kept.
                if (!ReferenceEquals(anchor, _lastAnchor) || date != _lastDate)
                {
                    _lastMissingYear = 0;
                    _lastDeadline = anchor.Kind switch
                    {
                        DeadlineAnchorKind.SameDay => Clock.EndOfDay(date),
                        DeadlineAnchorKind.CalendarDays => Clock.EndOfDay(date.Date.AddDays(anchor.Amount)),
                        _ => WorkingDaysDeadline(date, (int)anchor.Amount),
                    };
                    _lastAnchor = anchor;
                    _lastDate = date;
                }

                if (_lastMissingYear != 0)
                {
                    // A year outside the calendar data is never a guess (rules.md, "Time").
                    MissingData(aspect, CalendarNotes.MissingEntry(_lastMissingYear));
                    return null;
                }

                return _lastDeadline;
            case DeadlineAnchorKind.AfterLessonEnd:
                if (lesson?.End is { } end)
                {
                    return Clock.At(lesson.Date, end).AddHours(anchor.Amount);
                }

                break;
            default:
                if (classId is not null && Data.LastLessonEnd(classId, date) is { } last)
                {
                    return Clock.At(date, last).AddHours(anchor.Amount);
                }

                break;
        }

        MissingData(aspect, Capability.LessonTimes);
        return null;
    }

    /// <summary>
    /// Whether <paramref name="date"/> is a working day of the school; null (and the year charged to
    /// <paramref name="aspect"/> as missing calendar data) when the calendar has no data for its year.
    /// </summary>
    /// <param name="date">The date.</param>
    /// <param name="aspect">Aspect to charge when the year is missing, or null for the whole rule.</param>
    /// <returns>Whether it is a working day, or null.</returns>
    internal bool? IsWorkingDay(DateTime date, string? aspect)
    {
        if (!Clock.Calendar.Covers(date.Year))
        {
            Data.CalendarNotes.Missing(date.Year);
            MissingData(aspect, CalendarNotes.MissingEntry(date.Year));
            return null;
        }

        return Clock.Calendar.IsWorkingDay(date, Clock.WorkWeek);
    }

    /// <summary>The end of the <paramref name="count"/>-th working day after <paramref name="date"/>, noting what the calendar lacked.</summary>
    private DateTimeOffset WorkingDaysDeadline(DateTime date, int count)
    {
        try
        {
            var day = Clock.AddWorkingDays(date, count);
            Data.CalendarNotes.Computed(day, Clock.Calendar);
            return Clock.EndOfDay(day);
        }
        catch (Calendar.CalendarYearMissingException missing)
        {
            _lastMissingYear = missing.Year;
            Data.CalendarNotes.Missing(missing.Year);
            return default;
        }
    }

    /// <summary>
    /// Checks one entry time against its deadline and reports a <c>late</c>-style finding when it was
    /// missed: certain or possible per the observed-time bounds. Gives nothing while the deadline has
    /// not passed at the as-of moment. A record without an entry time is charged to
    /// <paramref name="entryCapability"/> as missing data.
    /// </summary>
    /// <param name="aspect">Aspect of the finding, usually <c>late</c>.</param>
    /// <param name="entity">The record.</param>
    /// <param name="what">Russian description of the record, e.g. «Тема урока (9А, Алгебра, 28.10.2024)».</param>
    /// <param name="deadline">The deadline.</param>
    /// <param name="enteredAt">When entered or first observed.</param>
    /// <param name="enteredAfter">When last looked for and not seen.</param>
    /// <param name="entryCapability">The capability that promises the entry time.</param>
    /// <param name="responsible">Who must put it right (<see cref="EvaluationData.Responsibility"/>); null for the administration.</param>
    /// <returns>The certainty of the reported finding, or null when none was reported.</returns>
    public Certainty? CheckEntry(
        string aspect,
        FindingEntity entity,
        string what,
        DateTimeOffset deadline,
        DateTimeOffset? enteredAt,
        DateTimeOffset? enteredAfter,
        string entryCapability,
        ResponsibleStaff? responsible = null) =>
        CheckEntry(aspect, entity, static text => text, what ?? "", deadline, enteredAt, enteredAfter, entryCapability, responsible);

    /// <summary>
    /// <see cref="CheckEntry(string, FindingEntity, string, DateTimeOffset, DateTimeOffset?, DateTimeOffset?, string, ResponsibleStaff)"/>
    /// with the description of the record composed only when the finding's message is read (see
    /// <see cref="Report(string, FindingEntity, Func{string}, Certainty, DateTimeOffset?, DateTimeOffset?, Severity, ResponsibleStaff)"/>).
    /// </summary>
    /// <param name="aspect">Aspect of the finding, usually <c>late</c>.</param>
    /// <param name="entity">The record.</param>
    /// <param name="what">Composes the Russian description of the record, e.g. «Тема урока (9А, Алгебра, 28.10.2024)».</param>
    /// <param name="deadline">The deadline.</param>
    /// <param name="enteredAt">When entered or first observed.</param>
    /// <param name="enteredAfter">When last looked for and not seen.</param>
    /// <param name="entryCapability">The capability that promises the entry time.</param>
    /// <param name="responsible">Who must put it right (<see cref="EvaluationData.Responsibility"/>); null for the administration.</param>
    /// <returns>The certainty of the reported finding, or null when none was reported.</returns>
    public Certainty? CheckEntry(
        string aspect,
        FindingEntity entity,
        Func<string> what,
        DateTimeOffset deadline,
        DateTimeOffset? enteredAt,
        DateTimeOffset? enteredAfter,
        string entryCapability,
        ResponsibleStaff? responsible = null) =>
        CheckEntry(aspect, entity, static compose => compose(), what ?? throw new ArgumentNullException(nameof(what)), deadline, enteredAt, enteredAfter, entryCapability, responsible);

    /// <summary>
    /// <see cref="CheckEntry(string, FindingEntity, Func{string}, DateTimeOffset, DateTimeOffset?, DateTimeOffset?, string, ResponsibleStaff)"/>
    /// with the description made from <paramref name="state"/> by <paramref name="what"/> (best a static
    /// lambda): a finding then costs one small object for its message instead of two closures.
    /// </summary>
    /// <typeparam name="TState">What the description is made from, e.g. <c>(EvaluationData, Mark)</c>.</typeparam>
    /// <param name="aspect">Aspect of the finding, usually <c>late</c>.</param>
    /// <param name="entity">The record.</param>
    /// <param name="what">Composes the Russian description of the record from <paramref name="state"/>.</param>
    /// <param name="state">Passed to <paramref name="what"/>.</param>
    /// <param name="deadline">The deadline.</param>
    /// <param name="enteredAt">When entered or first observed.</param>
    /// <param name="enteredAfter">When last looked for and not seen.</param>
    /// <param name="entryCapability">The capability that promises the entry time.</param>
    /// <param name="responsible">Who must put it right (<see cref="EvaluationData.Responsibility"/>); null for the administration.</param>
    /// <returns>The certainty of the reported finding, or null when none was reported.</returns>
    public Certainty? CheckEntry<TState>(
        string aspect,
        FindingEntity entity,
        Func<TState, string> what,
        TState state,
        DateTimeOffset deadline,
        DateTimeOffset? enteredAt,
        DateTimeOffset? enteredAfter,
        string entryCapability,
        ResponsibleStaff? responsible = null)
    {
        if (what is null)
        {
            throw new ArgumentNullException(nameof(what));
        }

        if (!CanEvaluate(aspect) || deadline >= AsOf)
        {
            return null;
        }

        if (enteredAt is not { } at)
        {
            MissingData(aspect, entryCapability);
            return null;
        }

        var certainty = EntryJudgement.Judge(deadline, at, enteredAfter);
        if (certainty is null)
        {
            return null;
        }

        var dl = Clock.ToSchoolTime(deadline);
        var seen = Clock.ToSchoolTime(at);
        var judged = certainty.Value;
        var message = new LateEntryMessage<TState>(what, state, judged, seen, dl, enteredAfter, Clock);
        _findings.Add(Create(aspect, entity, judged, dl, seen, Severity.Error, null, message, responsible));
        return certainty;
    }
}
