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
    public void AddHubAuthorization_TakesIssuerFromTokenService_AndRegistersInterceptorFirst()
    {
        var services = new ServiceCollection();
        services.AddGrpc(o => o.Interceptors.Add(new NoOpInterceptor()));
        services.Configure<TokenServiceOptions>(o => o.Issuer = "https://hub.test");
        services.AddHubAuthorization();
        services.AddHubAuthorization();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<HubAuthorizationOptions>>().Value;
        var interceptors = provider.GetRequiredService<IOptions<GrpcServiceOptions>>().Value.Interceptors;

        Assert.Equal("https://hub.test", options.Issuer);
        Assert.Equal("urn:interop:hub", options.Audience);
        Assert.Equal(typeof(HubAuthorizationInterceptor), interceptors[0].Type);
        Assert.Single(interceptors, r => r.Type == typeof(HubAuthorizationInterceptor));
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
