using System;
using System.Collections.Generic;
using System.Linq;
using Eljur.Abstractions.Sync;
using Eljur.Gateway.Configuration;

namespace Eljur.Gateway;

/// <summary>What the running gateway holds: its settings, stores, node name and the secrets never to show.</summary>
internal sealed class GatewayRuntime
{
    public GatewayRuntime(GatewaySettings settings, IGatewayStorageProvider storage, GatewayOptions options)
    {
        Settings = settings;
        StorageProvider = storage;
        Options = options;
        Node = options.Node;
        Schools = settings.Schools.ToDictionary(s => s.Id, StringComparer.Ordinal);
        SyncStore = new Lazy<IGradebookStore>(() => storage.OpenSyncStore(settings.Storage));
        History = new Lazy<IRunHistoryStore>(() => storage.OpenRunHistory(settings.Storage));
    }

    public GatewaySettings Settings { get; }

    public IGatewayStorageProvider StorageProvider { get; }

    public GatewayOptions Options { get; }

    public string Node { get; }

    public IReadOnlyDictionary<string, SchoolSettings> Schools { get; }

    public Lazy<IGradebookStore> SyncStore { get; }

    public Lazy<IRunHistoryStore> History { get; }

    /// <summary>Replaces every configured secret in a text with "***" (a safety net for messages that quote a vendor).</summary>
    public string Redact(string text)
    {
        foreach (var secret in Settings.Secrets.Where(s => s.Length >= 3).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }
}
