using System;
using System.Reflection;
using Eljur.Abstractions.Sync;
using Eljur.Sync.Sqlite;
using Quartz;

namespace Eljur.Gateway.Tests;

/// <summary>
/// A storage provider "switchable": SQLite underneath, but while <see cref="Down"/> is set every call to the
/// sync store or the run history fails the way an unreachable database server does.
/// </summary>
internal sealed class SwitchableStorage : IGatewayStorageProvider
{
    public const string ProviderName = "switchable";

    public string Name => ProviderName;

    public int MaxConcurrentSyncs => 1;

    /// <summary>True: the store is unreachable.</summary>
    public volatile bool Down;

    public string? Validate(GatewayStorageSettings settings) => settings.Path is null ? "нужен path" : null;

    public IGradebookStore OpenSyncStore(GatewayStorageSettings settings) =>
        Switch<IGradebookStore>(new SqliteGradebookStore(settings.Path!, createIfMissing: true));

    public IRunHistoryStore OpenRunHistory(GatewayStorageSettings settings) =>
        Switch<IRunHistoryStore>(new SqliteRunHistoryStore(settings.Path!));

    public void ConfigureJobStore(IQuartzBuilder quartz, GatewayStorageSettings settings) => quartz.UseInMemoryStore(_ => { });

    private T Switch<T>(T inner)
        where T : class
    {
        var proxy = DispatchProxy.Create<T, SwitchProxy>();
        var switchProxy = (SwitchProxy)(object)proxy;
        switchProxy.Inner = inner;
        switchProxy.Owner = this;
        return proxy;
    }

    /// <summary>Forwards every call to the real store unless the owner is down.</summary>
    public class SwitchProxy : DispatchProxy
    {
        internal object? Inner { get; set; }

        internal SwitchableStorage? Owner { get; set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (Owner!.Down)
            {
                throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused);
            }

            try
            {
                return targetMethod!.Invoke(Inner, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }
    }
}
