namespace Eljur.Rules.Reports;

/// <summary>The reports the SDK renders.</summary>
public enum ReportKind
{
    /// <summary>The compliance report of <c>eljur check</c> (model <see cref="Models.ComplianceReportModel"/>).</summary>
    Compliance,

    /// <summary>Monthly user activity (model <see cref="Models.ActivityReportModel"/>).</summary>
    Activity,

    /// <summary>Progress and quality per period, class and subject (model <see cref="Models.ProgressReportModel"/>).</summary>
    Progress,

    /// <summary>The year's summary sheet of final marks, сводная ведомость (model <see cref="Models.SummarySheetModel"/>).</summary>
    SummarySheet,

    /// <summary>Notices to hand out: one printed page per teacher with their breaches, the clauses quoted and a line to sign (model <see cref="Models.ComplianceReportModel"/>).</summary>
    Notices,
}
