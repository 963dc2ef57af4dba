using System.Diagnostics;
using System.Security.Cryptography;
using Interop.Federation.Grpc;
using Interop.Federation.Grpc.Internal;
using Interop.Federation.TokenService;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Benchmarks;

/// <summary>
/// The token check alone, on one thread, no network: microseconds per HubTokenValidator.ValidateAsync with the
/// validated-token cache (SHA-256 of the token + lookups + lifetime check) and without it (parse + RS256 verify +
/// claims), on a token shaped exactly like the hub's (RFC 9068 claims, 2048-bit RSA key).
/// </summary>
internal static class ValidatorBenchmark
{
    public static async Task RunAsync(BenchmarkArguments args)
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "bench-key" };
        var token = CreateToken(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        var source = new StaticKeySource(key);

        Console.WriteLine($"token: {token.Length} characters, RS256, 2048-bit key");
        Console.WriteLine();
        Console.WriteLine("| validation | µs per call | calls/s on one core |");
        Console.WriteLine("|---|---|---|");
        foreach (var cached in new[] { false, true })
        {
            var options = new HubAuthorizationOptions();
            var cache = cached ? new ValidatedTokenCache(options.ValidatedTokenCacheSize, options.ClockSkew) : null;
            var keys = new ValidationKeyCache(source, TimeProvider.System, options.ValidationKeyRefreshInterval, options.UnknownKeyRefreshInterval, NullLogger.Instance, cache is null ? null : cache.RetainKeys);
            var validator = new HubTokenValidator(keys, TimeProvider.System, HubNode.Issuer, options.Audience ?? "urn:interop:hub", options.ClockSkew, cache);
            await MeasureAsync(validator, token, TimeSpan.FromSeconds(args.WarmupSeconds));
            var (count, elapsed) = await MeasureAsync(validator, token, TimeSpan.FromSeconds(args.DurationSeconds));
            var us = elapsed.TotalMilliseconds * 1000 / count;
            Console.WriteLine($"| {(cached ? "validated-token cache hit" : "full (parse + RS256 verify + claims)")} | {us:F2} | {1_000_000 / us:F0} |");
        }
    }

    private static async Task<(long Count, TimeSpan Elapsed)> MeasureAsync(HubTokenValidator validator, string token, TimeSpan duration)
    {
        var stopwatch = Stopwatch.StartNew();
        long count = 0;
        while (stopwatch.Elapsed < duration)
        {
            for (var i = 0; i < 100; i++)
            {
                var check = await validator.ValidateAsync(token, CancellationToken.None);
                if (check.Caller is null)
                {
                    throw new InvalidOperationException("The benchmark token was refused: " + check.Reason);
                }
            }

            count += 100;
        }

        return (count, stopwatch.Elapsed);
    }

    private static string CreateToken(SigningCredentials credentials)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = OAuthConstants.AccessTokenJwtType,
            Issuer = HubNode.Issuer,
            Audience = "urn:interop:hub",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            SigningCredentials = credentials,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = BenchPartners.ClientId(0),
                ["client_id"] = BenchPartners.ClientId(0),
                ["scope"] = BenchPartners.Scope,
                [JwtRegisteredClaimNames.Jti] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
                [HubClaimNames.Oin] = BenchPartners.Oin,
                [HubClaimNames.OrganisationKind] = "gemeente",
                [HubClaimNames.RmcRegion] = "RMC23",
            },
        });
    }

    private sealed class StaticKeySource(SecurityKey key) : IHubValidationKeySource
    {
        public Task<IReadOnlyList<SecurityKey>> GetValidationKeysAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<SecurityKey>>([key]);
    }
}
