namespace Interop.Hub.Storage;

/// <summary>An operation waiting in the write queue; completed only after its transaction commits.</summary>
internal abstract class PendingWrite
{
    /// <summary>Whether the caller gave up before the operation ran (it is then skipped).</summary>
    public abstract bool IsCancelled { get; }

    /// <summary>Runs the operation; false when it threw (its savepoint must then be rolled back).</summary>
    public abstract Task<bool> RunAsync(HubWriteContext context);

    /// <summary>The transaction committed: hand the caller its result or its own exception.</summary>
    public abstract void Complete();

    /// <summary>The transaction failed as a whole.</summary>
    public abstract void Fail(Exception exception);
}
