namespace Interop.Federation.Registry;

/// <summary>A registry change was refused; <see cref="Errors"/> lists every reason at once.</summary>
public sealed class PartnerRegistryException : Exception
{
    /// <summary>Creates the exception from the list of reasons.</summary>
    public PartnerRegistryException(IReadOnlyList<string> errors)
        : base(string.Join(" ", errors))
    {
        Errors = errors;
    }

    /// <summary>Every reason the change was refused.</summary>
    public IReadOnlyList<string> Errors { get; }
}
