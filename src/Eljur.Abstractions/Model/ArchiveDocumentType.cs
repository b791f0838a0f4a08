namespace Eljur.Abstractions.Model;

/// <summary>Kind of an archived document.</summary>
public enum ArchiveDocumentType
{
    /// <summary>A printed class journal; JSON <c>classJournal</c>.</summary>
    ClassJournal,

    /// <summary>A summary sheet of final marks (сводная ведомость); JSON <c>summarySheet</c>.</summary>
    SummarySheet,

    /// <summary>An electronic copy of the journal; JSON <c>electronicCopy</c>.</summary>
    ElectronicCopy,
}
