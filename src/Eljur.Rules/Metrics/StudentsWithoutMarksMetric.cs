using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Rules.Metrics;

/// <summary><c>students-without-marks</c>: student-subject pairs with no <c>current</c> or <c>written</c> mark in range / pairs.</summary>
internal sealed class StudentsWithoutMarksMetric : MetricRule
{
    public override string Id => "students-without-marks";

    public override string Title => "Доля пар ученик–предмет без отметок";

    protected override IEnumerable<CapabilityNeed> Needs()
    {
        yield return new CapabilityNeed(null, Capability.Lessons, Capability.Marks);
    }

    protected override (long Numerator, long Denominator) Count(EvaluationData data) => StudentSubjectPairs.Ratio(data, n => n == 0);
}
