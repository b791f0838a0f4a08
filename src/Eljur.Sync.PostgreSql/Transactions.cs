using System.Data;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Eljur.Sync.PostgreSql;

/// <summary>Begins transactions on every target (netstandard2.0's Npgsql has no async begin; it sends nothing until the first command anyway).</summary>
internal static class Transactions
{
    public static async Task<NpgsqlTransaction> BeginAsync(NpgsqlConnection connection, IsolationLevel level, CancellationToken cancellationToken)
    {
#if NETSTANDARD2_0
        cancellationToken.ThrowIfCancellationRequested();
        await Task.CompletedTask.ConfigureAwait(false);
        return connection.BeginTransaction(level);
#else
        return await connection.BeginTransactionAsync(level, cancellationToken).ConfigureAwait(false);
#endif
    }
}
