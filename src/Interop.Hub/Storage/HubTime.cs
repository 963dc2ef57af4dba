namespace Interop.Hub.Storage;

/// <summary>How the hub's tables store times: BIGINT microseconds since the Unix epoch, UTC.</summary>
internal static class HubTime
{
    /// <summary>The stored value of <paramref name="time"/>.</summary>
    public static long ToStored(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>The time a stored value stands for.</summary>
    public static DateTimeOffset FromStored(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * 10);

    /// <summary>The stored value of an optional time (null stays null).</summary>
    public static long? ToStored(DateTimeOffset? time) => time is { } t ? ToStored(t) : null;

    /// <summary>A protobuf timestamp of a stored value, or null for null.</summary>
    public static Google.Protobuf.WellKnownTypes.Timestamp? ToTimestamp(long? micros) =>
        micros is { } m ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(FromStored(m)) : null;
}
