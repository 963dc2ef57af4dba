namespace Interop.ProcessingLog;

/// <summary>What is wrong with the first bad record the verifier found.</summary>
public enum ProcessingLogDefect
{
    /// <summary>Nothing: the chain verifies.</summary>
    None = 0,

    /// <summary>The stored record hash does not match the record's fields and previous hash: the record was altered.</summary>
    HashMismatch = 1,

    /// <summary>The record's previous hash is not the record hash of the record before it: a record was altered, removed or inserted.</summary>
    BrokenLink = 2,

    /// <summary>A sequence number is missing: a record was removed.</summary>
    SequenceGap = 3,

    /// <summary>
    /// The chain is whole, but a record's hash differs from an anchor kept outside the log: the chain was rewritten at
    /// or before that record and every later hash recomputed.
    /// </summary>
    AnchorMismatch = 4,

    /// <summary>The chain is whole, but ends before a record an anchor names: its newest records were removed.</summary>
    Truncated = 5,
}
