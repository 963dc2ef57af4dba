namespace Interop.Federation.Benchmarks;

/// <summary>How the benchmarked node authorizes gRPC calls; everything else about the node is identical.</summary>
internal enum AuthorizationMode
{
    /// <summary>No AddHubAuthorization: the token travels in the header but nobody reads it.</summary>
    None,

    /// <summary>AddHubAuthorization with its defaults, the validated-token cache included.</summary>
    Cached,

    /// <summary>AddHubAuthorization with ValidatedTokenCacheSize = 0: full validation (RSA verify) on every call.</summary>
    FullEveryCall,
}
