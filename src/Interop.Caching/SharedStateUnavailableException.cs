namespace Interop.Caching;

/// <summary>
/// The shared state (Redis) could not be reached or did not answer in time. Callers must treat this as
/// "unknown", never as "absent": a replay check that cannot reach Redis has to fail closed.
/// </summary>
public sealed class SharedStateUnavailableException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public SharedStateUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying Redis failure.</summary>
    public SharedStateUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
