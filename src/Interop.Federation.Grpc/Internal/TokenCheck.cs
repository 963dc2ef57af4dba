namespace Interop.Federation.Grpc.Internal;

/// <summary>The outcome of validating a token: the caller, or why it was refused (for the log, never the token).</summary>
internal readonly record struct TokenCheck(HubCaller? Caller, string? Reason, bool Expired)
{
    public static TokenCheck Valid(HubCaller caller) => new(caller, null, false);

    public static TokenCheck Refused(string reason, bool expired = false) => new(null, reason, expired);
}
