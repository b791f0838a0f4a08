using System;

namespace Eljur.Abstractions.Sync;

/// <summary>A store cannot be used: unreadable, of a newer schema, or inconsistent.</summary>
public class GradebookStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the store.</param>
    /// <param name="inner">The cause, when any.</param>
    public GradebookStoreException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>Another sync holds the store's lock.</summary>
public sealed class GradebookStoreLockedException : GradebookStoreException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is locked, naming the store.</param>
    /// <param name="inner">The cause, when any.</param>
    public GradebookStoreLockedException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
