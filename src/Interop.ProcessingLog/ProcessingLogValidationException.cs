namespace Interop.ProcessingLog;

/// <summary>A record was refused before anything was written; <see cref="Errors"/> lists every problem found.</summary>
public sealed class ProcessingLogValidationException : ArgumentException
{
    /// <summary>Creates the exception with every problem found.</summary>
    public ProcessingLogValidationException(IReadOnlyList<string> errors)
        : base("Invalid processing record: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found, one sentence each naming the field.</summary>
    public IReadOnlyList<string> Errors { get; }
}
