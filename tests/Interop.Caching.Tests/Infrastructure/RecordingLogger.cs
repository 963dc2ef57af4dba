using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Interop.Caching.Tests.Infrastructure;

/// <summary>
/// Keeps every event logged (id, level and message), so tests can see which path the code took and what it reported.
/// Also compiled into Interop.ProcessingLog.Tests.
/// </summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    /// <summary>The events in the order they were logged.</summary>
    public ConcurrentQueue<(int Id, LogLevel Level, string Message)> Events { get; } = new();

    /// <summary>Event ids in the order they were logged.</summary>
    public IEnumerable<int> EventIds => Events.Select(e => e.Id);

    /// <summary>The messages of the events with id <paramref name="id"/>.</summary>
    public IReadOnlyList<string> MessagesOf(int id) => [.. Events.Where(e => e.Id == id).Select(e => e.Message)];

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Events.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
}
