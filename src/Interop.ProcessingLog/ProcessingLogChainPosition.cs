namespace Interop.ProcessingLog;

/// <summary>
/// The end of the chain as a <see cref="ProcessingLogAppender"/> knows it: the last record's sequence number and hash.
/// The default value means "not read yet".
/// </summary>
/// <param name="Sequence">The last record's sequence number (0 for an empty log).</param>
/// <param name="Hash">The last record's hash (the genesis hash for an empty log); null when not read yet.</param>
public readonly record struct ProcessingLogChainPosition(long Sequence, byte[]? Hash)
{
    /// <summary>Whether the head was read (or set by an append).</summary>
    public bool IsKnown => Hash is not null;
}
