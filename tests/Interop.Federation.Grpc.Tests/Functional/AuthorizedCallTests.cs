using Grpc.Health.V1;
using Grpc.Reflection.V1;
using Interop.Federation.Grpc.Tests.Infrastructure;
using Interop.Federation.Grpc.Tests.Protos;
using Interop.Federation.Keys;
using Interop.Federation.Storage;
using Interop.Grpc;
using Interop.Grpc.HealthCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Interop.Federation.Grpc.Tests.Functional.Calls;

namespace Interop.Federation.Grpc.Tests.Functional;

public sealed class AuthorizedCallTests
{
    [Fact]
    public async Task Unary_TokenFromTokenService_SucceedsAndHandlerSeesCaller()
    {
        await using var server = await AuthzServer.StartAsync();
        var client = new Referrals.ReferralsClient(server.InvokerFor(TestPartners.GemeenteClient, SecurityKeyChoice.Gemeente));

        var echo = await client.ReadAsync();

        Assert.Equal("read", echo.Text);
        Assert.Equal(TestPartners.GemeenteOin, echo.Oin);
        Assert.Equal("Gemeente", echo.OrganisationKind);
        Assert.Equal("RMC23", echo.RmcRegion);
        Assert.Equal(TestPartners.GemeenteClient, echo.ClientId);
        Assert.Equal([TestPartners.ReadScope, TestPartners.WriteScope], echo.Scopes);
        Assert.Equal(22, echo.TokenId.Length);
    }

    [Fact]
    public async Task StreamingKinds_TokenFromTokenService_SucceedWithCaller()
    {
        await using var server = await AuthzServer.StartAsync();
        var client = new Referrals.ReferralsClient(server.InvokerFor(TestPartners.GemeenteClient, SecurityKeyChoice.Gemeente));

        using var watch = client.Watch(new Probe { Text = "w" });
        var watched = new List<CallerEcho>();
        while (await watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(CallTimeout))
        {
            watched.Add(watch.ResponseStream.Current);
        }

        using var upload = client.Upload();
        await upload.RequestStream.WriteAsync(new Probe { Text = "a" }).WaitAsync(CallTimeout);
        await upload.RequestStream.WriteAsync(new Probe { Text = "b" }).WaitAsync(CallTimeout);
        await upload.RequestStream.CompleteAsync().WaitAsync(CallTimeout);
        var uploaded = await upload.ResponseAsync.WaitAsync(CallTimeout);

        using var chat = client.Chat();
        await chat.RequestStream.WriteAsync(new Probe { Text = "hi" }).WaitAsync(CallTimeout);
        Assert.True(await chat.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(CallTimeout));
        var chatted = chat.ResponseStream.Current;
        await chat.RequestStream.CompleteAsync().WaitAsync(CallTimeout);
        Assert.False(await chat.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(CallTimeout));

        Assert.Equal(["w", "w-2"], watched.Select(e => e.Text));
        Assert.All(watched, e => Assert.Equal(TestPartners.GemeenteClient, e.ClientId));
        Assert.Equal("a,b", uploaded.Text);
        Assert.Equal(TestPartners.GemeenteOin, uploaded.Oin);
        Assert.Equal("hi", chatted.Text);
        Assert.Equal(TestPartners.GemeenteClient, chatted.ClientId);
    }

    [Fact]
    public async Task StreamingKinds_NoToken_RefusedUnauthenticated()
    {
        await using var server = await AuthzServer.StartAsync();
        var client = new Referrals.ReferralsClient(server.Channel);

        using var watch = client.Watch(new Probe());
        var watchError = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(CallTimeout));
        using var upload = client.Upload();
        var uploadError = await Assert.ThrowsAsync<RpcException>(() => upload.ResponseAsync.WaitAsync(CallTimeout));
        using var chat = client.Chat();
        var chatError = await Assert.ThrowsAsync<RpcException>(() => chat.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(CallTimeout));

        Assert.Equal(StatusCode.Unauthenticated, watchError.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, uploadError.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, chatError.StatusCode);
    }

    [Fact]
    public async Task HealthAndReflection_NoToken_ReachableAnonymously()
    {
        await using var server = await AuthzServer.StartAsync();
        var health = new Health.HealthClient(server.Channel);
        var reflection = new ServerReflection.ServerReflectionClient(server.Channel);
        server.Services.GetRequiredService<HealthServiceImpl>().SetStatus("", HealthCheckResponse.Types.ServingStatus.Serving);

        var status = await health.CheckAsync(new HealthCheckRequest()).ResponseAsync.WaitAsync(CallTimeout);
        using var session = reflection.ServerReflectionInfo();
        await session.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }).WaitAsync(CallTimeout);
        Assert.True(await session.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(CallTimeout));
        var services = session.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        await session.RequestStream.CompleteAsync().WaitAsync(CallTimeout);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, status.Status);
        Assert.Contains("interop.testing.authz.Referrals", services);
    }

    [Fact]
    public async Task KeyRotation_TokenSignedByNewlyPublishedKey_AcceptedWithoutRestart()
    {
        await using var server = await AuthzServer.StartAsync();
        var client = new Referrals.ReferralsClient(server.Channel);
        await client.ReadAsync(Bearer(await server.GemeenteTokenAsync()));

        // Another node (or the admin tool's "keys rotate") publishes a key that signs at once, in the shared store.
        server.Clock.Advance(TimeSpan.FromSeconds(1));
        var otherNode = new HubSigningKeyManager(new SqliteFederationStore(server.DatabasePath), HubKeyRotationPolicy.Default, server.Clock, NullLogger<HubSigningKeyManager>.Instance);
        var rotated = await otherNode.RotateAsync(TimeSpan.Zero).WaitAsync(CallTimeout);
        server.Clock.Advance(TimeSpan.FromSeconds(1));
        var ring = await otherNode.GetKeyRingAsync().AsTask().WaitAsync(CallTimeout);
        Assert.Equal(rotated.Kid, ring.SigningCredentials.Key.KeyId);

        // Within the unknown-key interval of the last read the new kid is not looked up again (no store hammering)...
        var early = await client.RefusedReadAsync(Bearer(HubTokens.Create(ring.SigningCredentials, server.Clock.GetUtcNow())));
        server.Clock.Advance(TimeSpan.FromSeconds(10));
        // ...after it, the unknown kid triggers one re-read and the token is accepted.
        var echo = await client.ReadAsync(Bearer(HubTokens.Create(ring.SigningCredentials, server.Clock.GetUtcNow())));

        Assert.Equal(StatusCode.Unauthenticated, early.StatusCode);
        Assert.Equal(TestPartners.GemeenteClient, echo.ClientId);
    }
}
