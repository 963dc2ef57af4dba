namespace Interop.ProcessingLog;

/// <summary>
/// Anchor publication (section <c>Interop:ProcessingLog:Anchors</c>): every <see cref="Interval"/> the hub verifies
/// what was appended to the processing log since its last anchor and publishes the new head as an anchor, in its own
/// log (event 9102) and, when <see cref="File"/> is set, in that file, so the anchors live outside the database.
/// <c>interop-admin log verify --anchor-file</c> later checks the log against them.
/// </summary>
public sealed class ProcessingLogAnchorOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Interop:ProcessingLog:Anchors";

    /// <summary>The shortest interval allowed: 1 second.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    /// <summary>The longest interval allowed: 1 day.</summary>
    public static readonly TimeSpan MaximumInterval = TimeSpan.FromDays(1);

    /// <summary>How often a new anchor is taken (default 5 minutes); <see cref="TimeSpan.Zero"/> switches publication off.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A file the anchors are appended to (<see cref="ProcessingLogAnchorFile"/>); its folder must exist. Put it where
    /// whoever can write the database cannot (another volume, a write-once store). When the hub starts, the last
    /// anchor in it is where verification resumes. Unset or blank: anchors go to the hub's log only, and each start verifies
    /// the chain from its first record.
    /// </summary>
    public string? File { get; set; }

    /// <summary><see cref="File"/>, or null when it is unset or blank (as an empty environment variable leaves it).</summary>
    internal string? AnchorFile => string.IsNullOrWhiteSpace(File) ? null : File;
}
