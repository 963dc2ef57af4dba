namespace Interop.Caching;

/// <summary>
/// Where the hub keeps state that every node must share. Bound from the configuration section
/// <see cref="SectionName"/> and validated at start.
/// </summary>
public sealed class CachingOptions
{
    /// <summary>The configuration section these options are bound from: <c>Caching</c>.</summary>
    public const string SectionName = "Caching";

    /// <summary>
    /// StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c> or
    /// <c>redis1:6379,redis2:6379,password=...,connectTimeout=2000</c>.
    /// Defaults to null: state is kept in memory, which is correct for a single hub node only.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>
    /// Prefix put before every Redis key, so several applications can share one Redis.
    /// Defaults to <c>interop:</c>.
    /// </summary>
    public string InstanceName { get; set; } = "interop:";
}
