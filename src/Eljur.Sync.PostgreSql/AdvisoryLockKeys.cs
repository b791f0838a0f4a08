using System.Text;

namespace Eljur.Sync.PostgreSql;

/// <summary>
/// 64-bit keys for PostgreSQL advisory locks, from names (FNV-1a over UTF-8), so every node derives
/// the same key for the same school without a table of keys. Collisions of 64-bit keys are negligible.
/// </summary>
internal static class AdvisoryLockKeys
{
    /// <summary>The lock a migration holds, so nodes starting together migrate one after the other.</summary>
    public static long Migration(string schema) => Of("eljur:migrate:" + schema);

    /// <summary>The store-wide sync lock: exclusive for a sync of unknown school, shared under a school's lock.</summary>
    public static long Store(string schema) => Of("eljur:store:" + schema);

    /// <summary>One school's sync lock.</summary>
    public static long School(string schema, string schoolId) => Of("eljur:school:" + schema + ":" + schoolId);

    /// <summary>FNV-1a, 64 bits.</summary>
    public static long Of(string name)
    {
        unchecked
        {
            var hash = 14695981039346656037UL;
            foreach (var b in Encoding.UTF8.GetBytes(name))
            {
                hash ^= b;
                hash *= 1099511628211UL;
            }

            return (long)hash;
        }
    }
}
