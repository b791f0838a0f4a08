using System;
using Microsoft.Extensions.Options;

namespace Eljur.Sync.PostgreSql;

/// <summary>Checks <see cref="PostgreSqlStoreOptions"/> on start, with the store's own messages.</summary>
internal sealed class PostgreSqlStoreOptionsValidator : IValidateOptions<PostgreSqlStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlStoreOptions options)
    {
        try
        {
            PostgreSqlGradebookStore.Check(options);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
