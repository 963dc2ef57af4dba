namespace Interop.Federation.Grpc;

/// <summary>
/// Options of <see cref="HubAuthorizationInterceptor"/>, bound from the configuration section
/// <c>Interop:Authorization</c>, then configured in code, and validated when the host starts (every problem reported
/// at once).
/// </summary>
public sealed class HubAuthorizationOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string ConfigurationSection = "Interop:Authorization";

    /// <summary>The largest <see cref="ClockSkew"/> accepted: 60 seconds (issue 3: exp and nbf with at most 60 s skew).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The longest <see cref="PartnerStatusCacheDuration"/> accepted: 1 second, so disabling a partner in the registry
    /// takes effect within a second on every node.
    /// </summary>
    public static readonly TimeSpan MaxPartnerStatusCacheDuration = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The iss hub access tokens must carry. Defaults to the token service's issuer
    /// (<c>Interop:TokenService:Issuer</c>) when the token service is registered in the same host; required otherwise.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// The aud hub access tokens must carry. Defaults to the token service's audience when it is registered, else
    /// <c>urn:interop:hub</c>.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>Clock skew tolerated on exp and nbf. Defaults to 30 seconds; at most 60 seconds.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Fully qualified names of services whose calls skip every check (no token needed, no caller set). Defaults to
    /// the standard health and reflection services. Secure default: a method of any other service that declares no
    /// <c>interop.v1.required_scope</c> is refused to everyone with PERMISSION_DENIED, so a forgotten option closes a
    /// method rather than opening it.
    /// </summary>
    public ISet<string> AnonymousServices { get; set; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
    };

    /// <summary>
    /// How long the hub's validation keys are used before they are re-read from <see cref="IHubValidationKeySource"/>.
    /// Defaults to 1 minute (the signing-key manager's own refresh interval).
    /// </summary>
    public TimeSpan ValidationKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The least time between two re-reads of the keys caused by a token with an unknown kid, so a freshly published key
    /// is picked up at once while forged kids cannot hammer the key store. Defaults to 10 seconds.
    /// </summary>
    public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest <see cref="ValidatedTokenCacheSize"/> accepted: 1,000,000 entries (a few hundred MB at most).</summary>
    public const int MaxValidatedTokenCacheSize = 1_000_000;

    /// <summary>
    /// How many successfully validated tokens each node remembers (by SHA-256 of the token, never the token), so a
    /// client reusing its token skips the signature check until exp; lifetime, the key still being published, scope,
    /// partner status and rate limit are still checked on every call. Defaults to 10,000; zero validates every call in
    /// full. Above the size, expired then oldest entries are evicted.
    /// </summary>
    public int ValidatedTokenCacheSize { get; set; } = 10_000;

    /// <summary>
    /// How long a client's and organisation's enabled state from the partner registry is reused. Defaults to 1 second,
    /// which is also the maximum; zero looks both up on every call.
    /// </summary>
    public TimeSpan PartnerStatusCacheDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The most calls one client (client_id) may make per <see cref="RateLimitWindow"/>, counted across every hub node
    /// in the shared state store. Defaults to 6000; zero switches the limit off.
    /// </summary>
    public int RateLimitPerWindow { get; set; } = 6000;

    /// <summary>The fixed window of the rate limit. Defaults to 1 minute; between 1 second and 1 day.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);
}
