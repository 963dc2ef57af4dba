using System.Diagnostics.CodeAnalysis;
using Google.Protobuf;
using Grpc.Testing;
using Interop.Grpc;
using Interop.Grpc.AspNetCore;

namespace InteropTestsServer;

/// <summary>
/// grpc.testing.TestService as grpc's interop-test-descriptions.md defines it: EmptyCall, UnaryCall, CacheableUnaryCall,
/// StreamingOutputCall, StreamingInputCall, FullDuplexCall and HalfDuplexCall; UnimplementedCall is left to the base
/// class (UNIMPLEMENTED). Every method echoes metadata ("Echo Metadata") and the request's response_status ("Echo Status").
/// </summary>
public sealed class TestServiceImpl(TimeProvider timeProvider) : TestService.TestServiceBase
{
    private const string EchoInitialKey = "x-grpc-test-echo-initial";
    private const string EchoTrailingKey = "x-grpc-test-echo-trailing-bin";
    private const string Gzip = "gzip";

    /// <inheritdoc />
    public override async Task<Empty> EmptyCall(Empty request, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        return new Empty();
    }

    /// <inheritdoc />
    public override async Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        EnsureExpectedCompression(request.ExpectCompressed, context);

        // CompressedResponse: grpc-encoding goes in the response headers, so choose before the echo writes them.
        context.SetResponseCompression(request.ResponseCompressed?.Value == true ? Gzip : null);
        await EchoMetadataAsync(context);
        EnsureOkStatus(request.ResponseStatus);
        return new SimpleResponse { Payload = Zeros(request.ResponseSize) };
    }

    /// <inheritdoc />
    public override async Task<SimpleResponse> CacheableUnaryCall(SimpleRequest request, ServerCallContext context)
    {
        // CacheableUnaryCall: a payload that differs per call, and headers that let a caching proxy keep it for 60 s.
        await context.WriteResponseHeadersAsync(new Metadata { { "cache-control", "max-age=60" } });
        var nanoseconds = (timeProvider.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
        return new SimpleResponse { Payload = new Payload { Body = ByteString.CopyFromUtf8(nanoseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)) } };
    }

    /// <inheritdoc />
    public override async Task StreamingOutputCall(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        ChooseStreamCompression([request], context);
        await EchoMetadataAsync(context);
        EnsureOkStatus(request.ResponseStatus);
        await RespondAsync(request, responseStream, context);
    }

    /// <inheritdoc />
    public override async Task<StreamingInputCallResponse> StreamingInputCall(IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        var total = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            EnsureExpectedCompression(requestStream.Current.ExpectCompressed, context);
            total += requestStream.Current.Payload?.Body.Length ?? 0;
        }

        return new StreamingInputCallResponse { AggregatedPayloadSize = total };
    }

    /// <inheritdoc />
    public override async Task FullDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var request = requestStream.Current;
            EnsureOkStatus(request.ResponseStatus);
            await RespondAsync(request, responseStream, context);
        }
    }

    /// <inheritdoc />
    public override async Task HalfDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        var requests = new List<StreamingOutputCallRequest>();
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            requests.Add(requestStream.Current);
        }

        ChooseStreamCompression(requests, context);
        await EchoMetadataAsync(context);
        foreach (var request in requests)
        {
            EnsureOkStatus(request.ResponseStatus);
            await RespondAsync(request, responseStream, context);
        }
    }

    /// <summary>Echo Metadata: the initial value comes back as a response header, the -bin value as a trailer.</summary>
    private static async Task EchoMetadataAsync(ServerCallContext context)
    {
        if (context.RequestHeaders.Get(EchoTrailingKey) is { } trailing)
        {
            context.ResponseTrailers.Add(EchoTrailingKey, trailing.ValueBytes);
        }

        if (context.RequestHeaders.GetValue(EchoInitialKey) is { } initial)
        {
            await context.WriteResponseHeadersAsync(new Metadata { { EchoInitialKey, initial } });
        }
    }

    /// <summary>CompressedResponse for streams: gzip the call when any response asks for it; the rest opt out per message.</summary>
    private static void ChooseStreamCompression(IEnumerable<StreamingOutputCallRequest> requests, ServerCallContext context)
    {
        if (requests.SelectMany(r => r.ResponseParameters).Any(p => p.Compressed?.Value == true))
        {
            context.SetResponseCompression(Gzip);
        }
    }

    /// <summary>One response per ResponseParameters, each after its interval_us ("Observe ResponseParameters.interval_us").</summary>
    private async Task RespondAsync(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        foreach (var parameters in request.ResponseParameters)
        {
            if (parameters.IntervalUs > 0)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), timeProvider, context.CancellationToken);
            }

            responseStream.WriteOptions = parameters.Compressed?.Value == true ? WriteOptions.Default : new WriteOptions(WriteFlags.NoCompress);
            await responseStream.WriteAsync(new StreamingOutputCallResponse { Payload = Zeros(parameters.Size) });
        }
    }

    /// <summary>CompressedRequest: expect_compressed=true on a message that arrived uncompressed is INVALID_ARGUMENT.</summary>
    private static void EnsureExpectedCompression(BoolValue? expectCompressed, ServerCallContext context)
    {
        if (expectCompressed?.Value == true && !context.IsLastRequestMessageCompressed())
        {
            Fail(StatusCode.InvalidArgument, "Expected a compressed request message (expect_compressed is true).");
        }
    }

    /// <summary>Echo Status: a non-zero response_status ends the call with that code and message.</summary>
    private static void EnsureOkStatus(EchoStatus? status)
    {
        if (status is not null && status.Code != 0)
        {
            Fail((StatusCode)status.Code, status.Message);
        }
    }

    [DoesNotReturn]
    private static void Fail(StatusCode code, string message) => throw new RpcException(new Status(code, message));

    private static Payload Zeros(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };
}
