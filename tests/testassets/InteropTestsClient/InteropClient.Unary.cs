using Grpc.Testing;
using Interop.Grpc;

namespace InteropTestsClient;

/// <summary>The unary cases.</summary>
public sealed partial class InteropClient
{
    /// <summary>Opts a call in to gzip request compression (the client runtime's per-call switch).</summary>
    private static Metadata CompressedRequestHeaders() => new()
    {
        { "grpc-internal-encoding-request", "gzip" },

        // grpcio and grpc-js hide grpc-encoding from their handlers; the peer servers read this hint instead.
        { "x-interop-request-encoding", "gzip" },
    };

    private async Task EmptyUnaryAsync()
    {
        var response = await _client.EmptyCallAsync(new Empty(), deadline: Deadline());
        Check.That(response is not null, "EmptyCall returned null.");
    }

    private async Task CacheableUnaryAsync()
    {
        // Without a caching proxy only the client side can be checked: both calls succeed and carry a payload. The
        // client runtime sends POST (it has no cacheable/GET flag), so the server's two answers differ.
        var request = new SimpleRequest { Payload = new Payload { Body = Google.Protobuf.ByteString.CopyFromUtf8(DateTime.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)) } };
        var headers = new Metadata { { "x-user-ip", "1.2.3.4" } };
        var first = await _client.CacheableUnaryCallAsync(request, headers, Deadline());
        var second = await _client.CacheableUnaryCallAsync(request, headers, Deadline());
        Check.That(!first.Payload.Body.IsEmpty && !second.Payload.Body.IsEmpty, "cacheable response without payload.");
    }

    private async Task LargeUnaryAsync(TestService.TestServiceClient client)
    {
        var response = await client.UnaryCallAsync(new SimpleRequest { ResponseSize = 314159, Payload = Zeros(271828) }, deadline: Deadline());
        Check.ZeroPayload(response.Payload, 314159);
    }

    private async Task ClientCompressedUnaryAsync()
    {
        static SimpleRequest Request(bool expectCompressed) => new()
        {
            ExpectCompressed = new BoolValue { Value = expectCompressed },
            ResponseSize = 314159,
            Payload = Zeros(271828),
        };

        // The feature probe: an uncompressed request that claims to be compressed must be refused.
        await Check.StatusAsync(async () => await _client.UnaryCallAsync(Request(true), deadline: Deadline()), StatusCode.InvalidArgument);

        var compressed = await _client.UnaryCallAsync(Request(true), CompressedRequestHeaders(), Deadline());
        Check.ZeroPayload(compressed.Payload, 314159);
        var uncompressed = await _client.UnaryCallAsync(Request(false), deadline: Deadline());
        Check.ZeroPayload(uncompressed.Payload, 314159);
    }

    private async Task ServerCompressedUnaryAsync()
    {
        foreach (var compressed in new[] { true, false })
        {
            _flags.Take();
            var response = await _client.UnaryCallAsync(new SimpleRequest
            {
                ResponseCompressed = new BoolValue { Value = compressed },
                ResponseSize = 314159,
                Payload = Zeros(271828),
            }, deadline: Deadline());
            Check.ZeroPayload(response.Payload, 314159);
            Check.Equal($"[{compressed}]", $"[{string.Join(",", _flags.Take())}]", $"Compressed-Flag of the response (response_compressed={compressed})");
        }
    }

    private async Task CustomMetadataAsync()
    {
        var headers = new Metadata
        {
            { EchoInitialKey, "test_initial_metadata_value" },
            { EchoTrailingKey, [0xab, 0xab, 0xab] },
        };

        using (var unary = _client.UnaryCallAsync(new SimpleRequest { ResponseSize = 314159, Payload = Zeros(271828) }, headers, Deadline()))
        {
            Check.ZeroPayload((await unary.ResponseAsync).Payload, 314159);
            CheckEchoedMetadata(await unary.ResponseHeadersAsync, unary.GetTrailers(), "UnaryCall");
        }

        using var duplex = _client.FullDuplexCall(headers, Deadline());
        await duplex.RequestStream.WriteAsync(new StreamingOutputCallRequest
        {
            ResponseParameters = { new ResponseParameters { Size = 314159 } },
            Payload = Zeros(271828),
        });
        await duplex.RequestStream.CompleteAsync();
        var count = 0;
        while (await duplex.ResponseStream.MoveNext(CancellationToken.None))
        {
            Check.ZeroPayload(duplex.ResponseStream.Current.Payload, 314159);
            count++;
        }

        Check.Equal(1, count, "FullDuplexCall responses");
        CheckEchoedMetadata(await duplex.ResponseHeadersAsync, duplex.GetTrailers(), "FullDuplexCall");
    }

    private static void CheckEchoedMetadata(Metadata headers, Metadata trailers, string call)
    {
        Check.Equal("test_initial_metadata_value", headers.GetValue(EchoInitialKey), $"{call} initial metadata {EchoInitialKey}");
        var trailing = trailers.GetValueBytes(EchoTrailingKey);
        Check.Equal("ababab", trailing is null ? "(none)" : Convert.ToHexStringLower(trailing), $"{call} trailing metadata {EchoTrailingKey}");
    }
}
