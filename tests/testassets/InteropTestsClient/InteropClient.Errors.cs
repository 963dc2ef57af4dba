using Grpc.Testing;
using Interop.Grpc;

namespace InteropTestsClient;

/// <summary>The status, unimplemented, cancellation and deadline cases.</summary>
public sealed partial class InteropClient
{
    private const string SpecialStatusMessage = "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001F608\t\n";

    private async Task StatusCodeAndMessageAsync()
    {
        var status = new EchoStatus { Code = 2, Message = "test status message" };
        await Check.StatusAsync(async () => await _client.UnaryCallAsync(new SimpleRequest { ResponseStatus = status }, deadline: Deadline()), StatusCode.Unknown, status.Message);
        await Check.StatusAsync(
            async () =>
            {
                using var call = _client.FullDuplexCall(deadline: Deadline());
                await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseStatus = status });
                await call.RequestStream.CompleteAsync();
                while (await call.ResponseStream.MoveNext(CancellationToken.None))
                {
                }
            },
            StatusCode.Unknown,
            status.Message);
    }

    private async Task SpecialStatusMessageAsync()
    {
        var status = new EchoStatus { Code = 2, Message = SpecialStatusMessage };
        await Check.StatusAsync(async () => await _client.UnaryCallAsync(new SimpleRequest { ResponseStatus = status }, deadline: Deadline()), StatusCode.Unknown, SpecialStatusMessage);
    }

    private async Task UnimplementedMethodAsync() =>
        await Check.StatusAsync(async () => await _client.UnimplementedCallAsync(new Empty(), deadline: Deadline()), StatusCode.Unimplemented);

    private async Task UnimplementedServiceAsync()
    {
        var client = new UnimplementedService.UnimplementedServiceClient(_channel);
        await Check.StatusAsync(async () => await client.UnimplementedCallAsync(new Empty(), deadline: Deadline()), StatusCode.Unimplemented);
    }

    private async Task CancelAfterBeginAsync()
    {
        using var cancellation = new CancellationTokenSource();
        using var call = _client.StreamingInputCall(deadline: Deadline(), cancellationToken: cancellation.Token);
        await cancellation.CancelAsync();
        await Check.StatusAsync(() => call.ResponseAsync, StatusCode.Cancelled);
    }

    private async Task CancelAfterFirstResponseAsync()
    {
        using var cancellation = new CancellationTokenSource();
        using var call = _client.FullDuplexCall(deadline: Deadline(), cancellationToken: cancellation.Token);
        await call.RequestStream.WriteAsync(new StreamingOutputCallRequest
        {
            ResponseParameters = { new ResponseParameters { Size = 31415 } },
            Payload = Zeros(27182),
        });
        Check.That(await call.ResponseStream.MoveNext(CancellationToken.None), "no first response.");
        Check.ZeroPayload(call.ResponseStream.Current.Payload, 31415);
        await cancellation.CancelAsync();
        await Check.StatusAsync(() => call.ResponseStream.MoveNext(CancellationToken.None), StatusCode.Cancelled);
    }

    private async Task TimeoutOnSleepingServerAsync()
    {
        using var call = _client.FullDuplexCall(deadline: DateTime.UtcNow.AddMilliseconds(1));
        try
        {
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { Payload = Zeros(27182) });
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.DeadlineExceeded)
        {
            // The deadline may pass before the write: the status read below is what the case asserts.
        }

        await Check.StatusAsync(() => call.ResponseStream.MoveNext(CancellationToken.None), StatusCode.DeadlineExceeded);
    }
}
