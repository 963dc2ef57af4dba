namespace Interop.ProcessingLog;

/// <summary>Which page of a list to return (Google AIP-158 style, as interop.v1.PageRequest).</summary>
/// <param name="PageSize">The most records to return: 0 means 50, more than 500 is lowered to 500; negative is refused.</param>
/// <param name="PageToken">The <see cref="ProcessingLogPage.NextPageToken"/> of the previous page, or null/empty for the first.</param>
public sealed record ProcessingLogPageRequest(int PageSize = 0, string? PageToken = null)
{
    /// <summary>The page size used when none is asked for.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page size served.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The first page with the default size.</summary>
    public static ProcessingLogPageRequest First { get; } = new();

    internal int EffectiveSize => PageSize switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, "The page size may not be negative."),
        0 => DefaultPageSize,
        > MaxPageSize => MaxPageSize,
        _ => PageSize,
    };
}
