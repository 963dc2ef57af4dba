using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Interop.Privacy.Tests.Infrastructure;

/// <summary>Collects every log entry so tests can assert on warnings and on what never reaches a log.</summary>
internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, EventId EventId, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CollectingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Entries.Enqueue((logLevel, eventId, formatter(state, exception)));
    }
}
