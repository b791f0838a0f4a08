namespace Eljur.Abstractions.Model;

/// <summary>Kind of an operation in the school's log.</summary>
public enum OperationKind
{
    /// <summary>A backup; JSON <c>backup</c>.</summary>
    Backup,

    /// <summary>Archiving; JSON <c>archive</c>.</summary>
    Archive,

    /// <summary>An export; JSON <c>export</c>.</summary>
    Export,

    /// <summary>Printing; JSON <c>print</c>.</summary>
    Print,
}
