using System.Collections.Generic;
using Eljur.Abstractions.Evaluation;
using Eljur.Abstractions.Model;

namespace Eljur.Rules.Metrics;

/// <summary><c>students-with-one-mark</c>: student-subject pairs with exactly one <c>current</c> or <c>written</c> mark in range / pairs.</summary>
internal sealed class StudentsWithOneMarkMetric : MetricRule
{
    public override string Id => "students-with-one-mark";

    public override string Title => "Доля пар ученик–предмет с одной отметкой";

    protected override IEnumerable<CapabilityNeed> Needs()
    {
        yield return new CapabilityNeed(null, Capability.Lessons, Capability.Marks);
    }

    protected override (long Numerator, long Denominator) Count(EvaluationData data) => StudentSubjectPairs.Ratio(data, n => n == 1);
}
