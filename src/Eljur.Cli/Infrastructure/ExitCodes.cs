namespace Eljur.Cli.Infrastructure;

/// <summary>Exit codes of <c>cli.md</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Done; for check: no error finding and no failed metric.</summary>
    public const int Ok = 0;

    /// <summary>check found errors or failed metrics.</summary>
    public const int Findings = 1;

    /// <summary>Bad usage or bad input.</summary>
    public const int BadInput = 2;

    /// <summary>The source failed.</summary>
    public const int SourceFailed = 3;
}
