using System.Collections.Concurrent;
using Interop.Grpc.Client.Tests.TestInfrastructure;
using Microsoft.Extensions.Logging;

namespace Interop.Grpc.Client.Tests;

public class LoggingTests
{
    [Fact]
    public async Task Logging_CallLifecycle_WritesStableEventIds()
    {
        var sink = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Trace));
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong")));
        using var channel = TestChannel.Create(handler, o => o.LoggerFactory = factory);

        await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync.WaitAsync(TestMethods.Timeout);

        Assert.Contains(sink.Entries, e => e.EventId == 1 && e.Level == LogLevel.Debug);
        Assert.Contains(sink.Entries, e => e.EventId == 2 && e.Message.Contains("/test.Tester/Unary", StringComparison.Ordinal));
        Assert.Contains(sink.Entries, e => e.EventId == 7);
    }

    [Fact]
    public async Task Logging_Cancellation_IsInformationNotError()
    {
        var sink = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Trace));
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong")));
        using var channel = TestChannel.Create(handler, o => o.LoggerFactory = factory);

        await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(cancellationToken: new CancellationToken(true)), "ping").ResponseAsync);

        Assert.Contains(sink.Entries, e => e.EventId == 4 && e.Level == LogLevel.Information);
        Assert.DoesNotContain(sink.Entries, e => e.Level >= LogLevel.Warning);
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(int EventId, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new ListLogger(this);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ListLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
        }
    }
}
