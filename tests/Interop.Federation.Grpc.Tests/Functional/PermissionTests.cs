using Interop.Federation.Grpc.Tests.Infrastructure;
using Interop.Federation.Grpc.Tests.Protos;
using Interop.Grpc;
using static Interop.Federation.Grpc.Tests.Functional.Calls;

namespace Interop.Federation.Grpc.Tests.Functional;

public sealed class PermissionTests
{
    [Fact]
    public async Task MissingScope_PermissionDenied_NamingTheScope()
    {
        await using var server = await AuthzServer.StartAsync();
        var client = new Referrals.ReferralsClient(server.InvokerFor(TestPartners.RocClient, SecurityKeyChoice.Roc));

        var read = await client.ReadAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => client.WriteAsync(new Probe()).ResponseAsync.WaitAsync(CallTimeout));

        Assert.Equal(TestPartners.RocOin, read.Oin);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("'referrals.write'", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("Bearer error=\"insufficient_scope\", scope=\"referrals.write\"", ex.Trailers.GetValue("www-authenticate"));
    }

    [Fact]
    public async Task MissingScope_OnStreamingMethod_PermissionDenied()
    {
        await using var server = await AuthzServer.StartAsync();
        var client = new Referrals.ReferralsClient(server.InvokerFor(TestPartners.RocClient, SecurityKeyChoice.Roc));

        using var upload = client.Upload();
        var ex = await Assert.ThrowsAsync<RpcException>(() => upload.ResponseAsync.WaitAsync(CallTimeout));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Fact]
    public async Task MethodWithoutDeclaredScope_PermissionDenied_EvenWithEveryScope()
    {
        await using var server = await AuthzServer.StartAsync();
        var client = new Referrals.ReferralsClient(server.InvokerFor(TestPartners.GemeenteClient, SecurityKeyChoice.Gemeente));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UndeclaredAsync(new Probe()).ResponseAsync.WaitAsync(CallTimeout));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains(server.Logs.Entries, e => e.EventId.Id == 4);
    }

    [Fact]
    public async Task DisabledClient_PermissionDeniedWithinTheOneSecondCache()
    {
        await using var server = await AuthzServer.StartAsync();
        var client = new Referrals.ReferralsClient(server.InvokerFor(TestPartners.GemeenteClient, SecurityKeyChoice.Gemeente));
        await client.ReadAsync();

        await server.Partners.SetClientEnabledAsync(TestPartners.GemeenteClient, false).WaitAsync(CallTimeout);
        server.Clock.Advance(TimeSpan.FromSeconds(1));
        // The token itself is still valid for minutes: only the registry lookup stops it.
        var ex = await client.RefusedReadAsync();

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("client is disabled", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisabledClient_WithoutCache_PermissionDeniedOnTheNextCall()
    {
        await using var server = await AuthzServer.StartAsync(o => o.PartnerStatusCacheDuration = TimeSpan.Zero);
        var client = new Referrals.ReferralsClient(server.InvokerFor(TestPartners.GemeenteClient, SecurityKeyChoice.Gemeente));
        await client.ReadAsync();

        await server.Partners.SetClientEnabledAsync(TestPartners.GemeenteClient, false).WaitAsync(CallTimeout);
        var ex = await client.RefusedReadAsync();

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Fact]
    public async Task DisabledOrganisation_PermissionDenied()
    {
        await using var server = await AuthzServer.StartAsync(o => o.PartnerStatusCacheDuration = TimeSpan.Zero);
        var client = new Referrals.ReferralsClient(server.InvokerFor(TestPartners.GemeenteClient, SecurityKeyChoice.Gemeente));
        await client.ReadAsync();

        await server.Partners.SetOrganisationEnabledAsync(TestPartners.GemeenteOin, false).WaitAsync(CallTimeout);
        var ex = await client.RefusedReadAsync();

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("organisation is disabled", ex.Status.Detail, StringComparison.Ordinal);
    }
}
