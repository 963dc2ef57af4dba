using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Interop.Caching.Tests.Infrastructure;

/// <summary>Keeps the event ids logged, so tests can see which path the code took.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    /// <summary>Event ids in the order they were logged.</summary>
    public ConcurrentQueue<int> EventIds { get; } = new();

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        EventIds.Enqueue(eventId.Id);
}
