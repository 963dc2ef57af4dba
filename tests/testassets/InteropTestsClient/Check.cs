using System.Diagnostics.CodeAnalysis;
using Grpc.Testing;
using Interop.Grpc;

namespace InteropTestsClient;

/// <summary>The client's assertions: each throws <see cref="InteropTestException"/> naming what differed.</summary>
internal static class Check
{
    public static void That([DoesNotReturnIf(false)] bool condition, string message)
    {
        if (!condition)
        {
            throw new InteropTestException(message);
        }
    }

    public static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new InteropTestException($"{what}: expected {expected}, got {actual}.");
        }
    }

    /// <summary>The payload has <paramref name="size"/> bytes, all zero (the interop cases' golden payload).</summary>
    public static void ZeroPayload(Payload? payload, int size)
    {
        That(payload is not null, $"expected a payload of {size} bytes, got none.");
        Equal(size, payload.Body.Length, "payload size");
        That(!payload.Body.Span.ContainsAnyExcept((byte)0), "payload bytes are not all zero.");
    }

    /// <summary>Awaits <paramref name="call"/> and checks that it fails with <paramref name="code"/> (and <paramref name="message"/>).</summary>
    public static async Task<RpcException> StatusAsync(Func<Task> call, StatusCode code, string? message = null)
    {
        try
        {
            await call();
        }
        catch (RpcException e)
        {
            Equal(code, e.StatusCode, "status code");
            if (message is not null)
            {
                Equal(Escape(message), Escape(e.Status.Detail), "status message");
            }

            return e;
        }

        throw new InteropTestException($"expected status {code}, the call succeeded.");
    }

    private static string Escape(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
