using Grpc.Testing;
using Interop.Grpc;

namespace InteropTestsClient;

/// <summary>The streaming cases.</summary>
public sealed partial class InteropClient
{
    private async Task ClientStreamingAsync()
    {
        using var call = _client.StreamingInputCall(deadline: Deadline());
        foreach (var size in new[] { 27182, 8, 1828, 45904 })
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = Zeros(size) });
        }

        await call.RequestStream.CompleteAsync();
        Check.Equal(74922, (await call.ResponseAsync).AggregatedPayloadSize, "aggregated_payload_size");
    }

    private async Task ClientCompressedStreamingAsync()
    {
        // The feature probe: an uncompressed message that claims to be compressed must be refused.
        await Check.StatusAsync(
            async () =>
            {
                using var probe = _client.StreamingInputCall(deadline: Deadline());
                await probe.RequestStream.WriteAsync(new StreamingInputCallRequest { ExpectCompressed = new BoolValue { Value = true }, Payload = Zeros(27182) });
                await probe.RequestStream.CompleteAsync();
                await probe.ResponseAsync;
            },
            StatusCode.InvalidArgument);

        using var call = _client.StreamingInputCall(CompressedRequestHeaders(), Deadline());
        await call.RequestStream.WriteAsync(new StreamingInputCallRequest { ExpectCompressed = new BoolValue { Value = true }, Payload = Zeros(27182) });
        call.RequestStream.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        await call.RequestStream.WriteAsync(new StreamingInputCallRequest { ExpectCompressed = new BoolValue { Value = false }, Payload = Zeros(45904) });
        await call.RequestStream.CompleteAsync();
        Check.Equal(73086, (await call.ResponseAsync).AggregatedPayloadSize, "aggregated_payload_size");
    }

    private async Task ServerStreamingAsync()
    {
        int[] sizes = [31415, 9, 2653, 58979];
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.AddRange(sizes.Select(size => new ResponseParameters { Size = size }));
        using var call = _client.StreamingOutputCall(request, deadline: Deadline());
        await ExpectResponsesAsync(call.ResponseStream, sizes);
    }

    private async Task ServerCompressedStreamingAsync()
    {
        _flags.Take();
        var request = new StreamingOutputCallRequest
        {
            ResponseParameters =
            {
                new ResponseParameters { Size = 31415, Compressed = new BoolValue { Value = true } },
                new ResponseParameters { Size = 92653, Compressed = new BoolValue { Value = false } },
            },
        };
        using var call = _client.StreamingOutputCall(request, deadline: Deadline());
        await ExpectResponsesAsync(call.ResponseStream, [31415, 92653]);
        Check.Equal("[True,False]", $"[{string.Join(",", _flags.Take())}]", "Compressed-Flag of the two responses");
    }

    private async Task PingPongAsync()
    {
        (int ResponseSize, int PayloadSize)[] steps = [(31415, 27182), (9, 8), (2653, 1828), (58979, 45904)];
        using var call = _client.FullDuplexCall(deadline: Deadline());
        foreach (var (responseSize, payloadSize) in steps)
        {
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest
            {
                ResponseParameters = { new ResponseParameters { Size = responseSize } },
                Payload = Zeros(payloadSize),
            });
            Check.That(await call.ResponseStream.MoveNext(CancellationToken.None), $"stream ended before the response of {responseSize} bytes.");
            Check.ZeroPayload(call.ResponseStream.Current.Payload, responseSize);
        }

        await call.RequestStream.CompleteAsync();
        Check.That(!await call.ResponseStream.MoveNext(CancellationToken.None), "more than four responses.");
        Check.Equal(StatusCode.OK, call.GetStatus().StatusCode, "status");
    }

    private async Task EmptyStreamAsync()
    {
        using var call = _client.FullDuplexCall(deadline: Deadline());
        await call.RequestStream.CompleteAsync();
        Check.That(!await call.ResponseStream.MoveNext(CancellationToken.None), "expected no responses.");
        Check.Equal(StatusCode.OK, call.GetStatus().StatusCode, "status");
    }

    private static async Task ExpectResponsesAsync(IAsyncStreamReader<StreamingOutputCallResponse> stream, int[] sizes)
    {
        var received = new List<int>();
        while (await stream.MoveNext(CancellationToken.None))
        {
            Check.ZeroPayload(stream.Current.Payload, stream.Current.Payload.Body.Length);
            received.Add(stream.Current.Payload.Body.Length);
        }

        Check.Equal(string.Join(",", sizes), string.Join(",", received), "response payload sizes");
    }
}
