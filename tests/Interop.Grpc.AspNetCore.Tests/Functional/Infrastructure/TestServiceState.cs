using System.Collections.Concurrent;

namespace Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;

/// <summary>Shared between a test and the handlers it calls (a DI singleton).</summary>
public sealed class TestServiceState
{
    public TaskCompletionSource HandlerStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource TokenFired { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> Events { get; } = new();

    public int HandlerCalls;
}
