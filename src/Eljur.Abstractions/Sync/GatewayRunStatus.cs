namespace Eljur.Abstractions.Sync;

/// <summary>The statuses of a <see cref="GatewayRun"/> as the gateway's API writes them.</summary>
public static class GatewayRunStatus
{
    /// <summary>Accepted or running; not finished yet.</summary>
    public const string Running = "running";

    /// <summary>Synced and checked (findings may exist).</summary>
    public const string Ok = "ok";

    /// <summary>The vendor or the network failed after the retries: nothing was checked.</summary>
    public const string SourceFailed = "sourceFailed";

    /// <summary>A bug, a store error or an interruption; the message says which.</summary>
    public const string Failed = "failed";
}
