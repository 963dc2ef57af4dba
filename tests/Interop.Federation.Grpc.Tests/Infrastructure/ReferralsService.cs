using Interop.Federation.Grpc.Tests.Protos;
using Interop.Grpc;

namespace Interop.Federation.Grpc.Tests.Infrastructure;

/// <summary>Echoes the caller the interceptor put on the call, for every call kind.</summary>
public sealed class ReferralsService : Referrals.ReferralsBase
{
    public override Task<CallerEcho> Read(Probe request, ServerCallContext context) => Task.FromResult(Echo(request.Text, context));

    public override Task<CallerEcho> Write(Probe request, ServerCallContext context) => Task.FromResult(Echo(request.Text, context));

    public override Task<CallerEcho> Undeclared(Probe request, ServerCallContext context) => Task.FromResult(Echo(request.Text, context));

    public override async Task Watch(Probe request, IServerStreamWriter<CallerEcho> responseStream, ServerCallContext context)
    {
        await responseStream.WriteAsync(Echo(request.Text, context));
        await responseStream.WriteAsync(Echo(request.Text + "-2", context));
    }

    public override async Task<CallerEcho> Upload(IAsyncStreamReader<Probe> requestStream, ServerCallContext context)
    {
        var texts = new List<string>();
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            texts.Add(requestStream.Current.Text);
        }

        return Echo(string.Join(",", texts), context);
    }

    public override async Task Chat(IAsyncStreamReader<Probe> requestStream, IServerStreamWriter<CallerEcho> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            await responseStream.WriteAsync(Echo(requestStream.Current.Text, context));
        }
    }

    private static CallerEcho Echo(string text, ServerCallContext context)
    {
        var caller = context.GetHubCaller();
        var echo = new CallerEcho
        {
            Text = text,
            Oin = caller.Oin,
            OrganisationKind = caller.OrganisationKind.ToString(),
            RmcRegion = caller.RmcRegion ?? "",
            ClientId = caller.ClientId,
            TokenId = caller.TokenId,
        };
        echo.Scopes.AddRange(caller.Scopes.Order(StringComparer.Ordinal));
        return echo;
    }
}
