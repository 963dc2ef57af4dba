using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Interop.Grpc.Benchmarks;

/// <summary>
/// Which types the server process allocates, from the runtime's GC AllocationTick event (one event per ~100 KB
/// allocated, naming the type that crossed the mark): a sampled profile, so only the ranking and the rough shares
/// mean anything. Listening costs time, so it runs on its own run, never on a measured one.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);

    public IReadOnlyList<(string Type, long Bytes)> Top(int count) =>
        [.. _bytesByType.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value))];

    public long TotalBytes => _bytesByType.Values.Sum();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource)
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is null)
        {
            return;
        }

        var typeIndex = eventData.PayloadNames.IndexOf("TypeName");
        var amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
        if (typeIndex < 0 || amountIndex < 0)
        {
            return;
        }

        var type = eventData.Payload![typeIndex] as string ?? "?";
        var amount = Convert.ToInt64(eventData.Payload[amountIndex], Report.Culture);
        _bytesByType.AddOrUpdate(type, amount, (_, total) => total + amount);
    }
}
