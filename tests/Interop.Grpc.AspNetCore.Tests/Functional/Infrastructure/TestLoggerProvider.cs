using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;

/// <summary>Collects every log entry; the server fails the test on Error-level entries it was not told to expect.</summary>
internal sealed class TestLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly ConcurrentDictionary<int, bool> _expectedErrors = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    /// <summary>Allows Error entries with <paramref name="eventId"/> (for tests that provoke them on purpose).</summary>
    public void ExpectError(int eventId) => _expectedErrors[eventId] = true;

    public IReadOnlyList<LogEntry> UnexpectedErrors() =>
        _entries.Where(e => e.Level >= LogLevel.Error && !_expectedErrors.ContainsKey(e.EventId.Id)).ToList();

    public ILogger CreateLogger(string categoryName) => new TestLogger(categoryName, this);

    public void Dispose()
    {
    }

    internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

    private sealed class TestLogger(string category, TestLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider._entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
