namespace Interop.Hub.Notifications;

/// <summary>Delivery settings of the notification streams (section <c>Interop:Notifications</c>), validated at start.</summary>
public sealed class NotificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Interop:Notifications";

    /// <summary>
    /// How often an open stream reads the queue when it was not woken: events committed by another hub node (PostgreSQL,
    /// several nodes) reach this node's subscribers within this interval. 10 ms - 1 minute. Defaults to 1 second.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most events read from the queue per query (a backlog is sent in batches of this size). 1-1000. Defaults to 100.</summary>
    public int BatchSize { get; set; } = 100;
}
