using Interop.Caching;
using Interop.Contracts.V1;
using Interop.Federation.Grpc.Internal;
using Interop.Federation.Grpc.Tests.Protos;
using Interop.Federation.TokenService;
using Interop.Grpc.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interop.Federation.Grpc.Tests;

public sealed class HubAuthorizationOptionsTests
{
    [Fact]
    public void Validate_Defaults_WithIssuer_Succeed()
    {
        var result = new HubAuthorizationOptionsValidator().Validate(null, new HubAuthorizationOptions { Issuer = "https://hub.test", Audience = "urn:interop:hub" });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_EveryBadSetting_ReportedAtOnce()
    {
        var options = new HubAuthorizationOptions
        {
            Issuer = "not a url",
            Audience = " ",
            ClockSkew = TimeSpan.FromSeconds(61),
            PartnerStatusCacheDuration = TimeSpan.FromSeconds(5),
            RateLimitPerWindow = -1,
            RateLimitWindow = TimeSpan.Zero,
            UnknownKeyRefreshInterval = TimeSpan.FromHours(1),
            ValidatedTokenCacheSize = -1,
        };

        var failures = new HubAuthorizationOptionsValidator().Validate(null, options).Failures!.ToList();

        foreach (var name in new[] { "Issuer", "Audience", "ClockSkew", "PartnerStatusCacheDuration", "RateLimitPerWindow", "RateLimitWindow", "UnknownKeyRefreshInterval", "ValidatedTokenCacheSize" })
        {
            Assert.Contains(failures, f => f.Contains("Interop:Authorization:" + name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AddHubAuthorization_TakesIssuerFromTokenService_AndRegistersTheFirstCallAuthorizerOnce()
    {
        var services = new ServiceCollection();
        var other = new AllowingAuthorizer();
        services.AddGrpc(o =>
        {
            o.Interceptors.Add(new NoOpInterceptor());
            o.CallAuthorizers.Add(other);
        });
        services.Configure<TokenServiceOptions>(o => o.Issuer = "https://hub.test");
        // What the authorization is built from (the registry file is never opened here).
        services.AddLogging().AddInteropCaching().AddInteropFederationSqlite(Path.Combine(Path.GetTempPath(), "interop-unused-" + Guid.NewGuid().ToString("N") + ".db"));
        services.AddHubAuthorization();
        services.AddHubAuthorization();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<HubAuthorizationOptions>>().Value;
        var grpc = provider.GetRequiredService<IOptions<GrpcServiceOptions>>().Value;

        Assert.Equal("https://hub.test", options.Issuer);
        Assert.Equal("urn:interop:hub", options.Audience);
        // Before the request is read (a call authorizer), first of all, once; not also as an interceptor.
        Assert.Same(provider.GetRequiredService<HubAuthorizationInterceptor>(), grpc.CallAuthorizers[0]);
        Assert.Equal(2, grpc.CallAuthorizers.Count);
        Assert.Same(other, grpc.CallAuthorizers[1]);
        Assert.DoesNotContain(grpc.Interceptors, r => r.Type == typeof(HubAuthorizationInterceptor));
    }

    [Fact]
    public void RequiredScopeOption_ReadFromGeneratedDescriptor()
    {
        var methods = Referrals.Descriptor.Methods.ToDictionary(m => m.Name, m => m.GetOptions()?.GetExtension(OptionsExtensions.RequiredScope));

        Assert.Equal("referrals.read", methods["Read"]);
        Assert.Equal("referrals.write", methods["Upload"]);
        Assert.True(string.IsNullOrEmpty(methods["Undeclared"]));
        Assert.Equal(51001, OptionsExtensions.RequiredScope.FieldNumber);
    }
}

internal sealed class NoOpInterceptor : Interop.Grpc.Interceptors.Interceptor
{
}

internal sealed class AllowingAuthorizer : IServerCallAuthorizer
{
    public ValueTask AuthorizeAsync(Interop.Grpc.ServerCallContext context) => ValueTask.CompletedTask;
}
