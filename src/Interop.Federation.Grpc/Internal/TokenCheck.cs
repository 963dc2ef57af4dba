namespace Interop.Federation.Grpc.Internal;

/// <summary>The outcome of validating a token: the caller, or why it was refused (for the log, never the token).</summary>
/// <param name="Caller">The caller, when the token is valid.</param>
/// <param name="Reason">Why it was refused, when it is not.</param>
/// <param name="Expired">Refused because it is past exp plus the skew.</param>
/// <param name="FromCache">Decided from <see cref="ValidatedTokenCache"/> without verifying the signature again.</param>
internal readonly record struct TokenCheck(HubCaller? Caller, string? Reason, bool Expired, bool FromCache = false)
{
    public static TokenCheck Valid(HubCaller caller, bool fromCache = false) => new(caller, null, false, fromCache);

    public static TokenCheck Refused(string reason, bool expired = false, bool fromCache = false) => new(null, reason, expired, fromCache);
}
