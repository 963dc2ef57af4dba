using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;

/// <summary>The test service; each method's behaviour is chosen by its request so one service covers every scenario.</summary>
public sealed class TestService(TestServiceState state) : TestServiceBase
{
    public override Task<StringValue> Echo(StringValue request, ServerCallContext context)
    {
        Interlocked.Increment(ref state.HandlerCalls);
        state.Events.Enqueue("handler");
        return Task.FromResult(request);
    }

    public override async Task<StringValue> Fail(StringValue request, ServerCallContext context)
    {
        var value = request.Value;
        if (value == "throw")
        {
            throw new InvalidOperationException("secret detail");
        }

        if (value.StartsWith("status:", StringComparison.Ordinal))
        {
            var parts = value.Split(':', 3);
            throw new RpcException(new Grpc.Status((StatusCode)int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2]));
        }

        if (value == "details")
        {
            var status = new Google.Rpc.Status
            {
                Code = (int)StatusCode.InvalidArgument,
                Message = "bad request",
                Details = { Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "name", Description = "required" } } }) },
            };
            throw status.ToRpcException();
        }

        if (value == "reserved-trailer")
        {
            context.ResponseTrailers.Add("grpc-status", "0");
            return new StringValue { Value = "ok" };
        }

        if (value == "reserved-header")
        {
            try
            {
                await context.WriteResponseHeadersAsync(new Metadata { { "content-type", "text/html" } });
            }
            catch (RpcException)
            {
                // Even a handler that swallows the refusal cannot make the call succeed.
            }

            return new StringValue { Value = "ok" };
        }

        if (value == "context-status")
        {
            context.Status = new Grpc.Status(StatusCode.NotFound, "nope");
            context.ResponseTrailers.Add("x-trailer", "set");
            return new StringValue();
        }

        if (value == "after-headers")
        {
            await context.WriteResponseHeadersAsync(new Metadata { { "x-early", "1" } });
            throw new RpcException(new Grpc.Status(StatusCode.FailedPrecondition, "after headers"));
        }

        return request;
    }

    public override async Task<StringValue> Wait(StringValue request, ServerCallContext context)
    {
        using var registration = context.CancellationToken.Register(() => state.TokenFired.TrySetResult());
        state.HandlerStarted.TrySetResult();
        await Task.Delay(Timeout.Infinite, context.CancellationToken);
        return request;
    }

    public override async Task<StringValue> Metadata(StringValue request, ServerCallContext context)
    {
        var echoed = new Metadata();
        foreach (var entry in context.RequestHeaders)
        {
            if (entry.Key.StartsWith("x-", StringComparison.Ordinal))
            {
                echoed.Add(entry);
                context.ResponseTrailers.Add(entry.IsBinary ? new Metadata.Entry("t" + entry.Key, entry.ValueBytes) : new Metadata.Entry("t" + entry.Key, entry.Value));
            }
        }

        await context.WriteResponseHeadersAsync(echoed);
        var keys = new StringBuilder();
        foreach (var entry in context.RequestHeaders)
        {
            keys.Append(entry.Key).Append(';');
        }

        return new StringValue { Value = $"{context.Peer}|{context.Host}|{context.Method}|{keys}" };
    }

    public override Task<BytesValue> Compress(BytesValue request, ServerCallContext context)
    {
        if (context.RequestHeaders.GetValue("x-compress") is { } algorithm)
        {
            context.SetResponseCompression(algorithm);
        }

        if (context.RequestHeaders.Get("x-no-compress") is not null)
        {
            context.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        }

        context.ResponseTrailers.Add("x-request-compressed", context.IsLastRequestMessageCompressed() ? "true" : "false");
        return Task.FromResult(request);
    }

    public override async Task<StringValue> Concat(IAsyncStreamReader<StringValue> requestStream, ServerCallContext context)
    {
        var values = new List<string>();
        while (await requestStream.MoveNext(CancellationToken.None))
        {
            values.Add(requestStream.Current.Value);
        }

        return new StringValue { Value = string.Join(",", values) };
    }

    public override async Task Split(StringValue request, IServerStreamWriter<StringValue> responseStream, ServerCallContext context)
    {
        foreach (var part in request.Value.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "fail")
            {
                throw new RpcException(new Grpc.Status(StatusCode.Aborted, "failed mid-stream"));
            }

            await responseStream.WriteAsync(new StringValue { Value = part });
        }
    }

    public override async Task Chat(IAsyncStreamReader<StringValue> requestStream, IServerStreamWriter<StringValue> responseStream, ServerCallContext context)
    {
        await foreach (var message in ReadAllAsync(requestStream, context.CancellationToken))
        {
            await responseStream.WriteAsync(new StringValue { Value = "echo:" + message.Value });
        }
    }

    private static async IAsyncEnumerable<StringValue> ReadAllAsync(IAsyncStreamReader<StringValue> reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.MoveNext(cancellationToken))
        {
            yield return reader.Current;
        }
    }
}
