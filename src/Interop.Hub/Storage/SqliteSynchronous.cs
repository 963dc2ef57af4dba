namespace Interop.Hub.Storage;

/// <summary>How durably a SQLite commit is written (SQLite's PRAGMA synchronous, in WAL mode).</summary>
public enum SqliteSynchronous
{
    /// <summary>Every commit is fsynced: a committed write survives a power loss. The default.</summary>
    Full,

    /// <summary>
    /// Commits are fsynced at checkpoints only: a committed write survives the hub process being killed, but the last
    /// commits may be lost on a power loss or OS crash. Faster (no fsync per group commit).
    /// </summary>
    Normal,
}
