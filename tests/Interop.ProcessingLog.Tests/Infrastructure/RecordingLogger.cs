using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Interop.ProcessingLog.Tests.Infrastructure;

/// <summary>Keeps every event logged (id and message), so tests can see what the code reported.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    /// <summary>The events in the order they were logged.</summary>
    public ConcurrentQueue<(int Id, LogLevel Level, string Message)> Events { get; } = new();

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
