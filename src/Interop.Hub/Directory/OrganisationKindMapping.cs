using Contract = Interop.Contracts.V1.OrganisationKind;
using Registry = Interop.Federation.Registry.OrganisationKind;

namespace Interop.Hub.PartnerDirectory;

/// <summary>
/// Maps the registry's <see cref="Registry"/> to the contract's <see cref="Contract"/> and back. Written out case by
/// case rather than by name or number, so a kind added on one side only fails loudly instead of mapping silently.
/// </summary>
internal static class OrganisationKindMapping
{
    /// <summary>The contract kind of a registry kind.</summary>
    public static Contract ToContract(Registry kind) => kind switch
    {
        Registry.Gemeente => Contract.Gemeente,
        Registry.Roc => Contract.Roc,
        Registry.Rmc => Contract.Rmc,
        Registry.Zorgaanbieder => Contract.Zorgaanbieder,
        Registry.Jeugdhulp => Contract.Jeugdhulp,
        Registry.Uwv => Contract.Uwv,
        Registry.Schuldhulp => Contract.Schuldhulp,
        Registry.Woningcorporatie => Contract.Woningcorporatie,
        Registry.Hub => Contract.Hub,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Organisation kind without a contract counterpart."),
    };

    /// <summary>The registry kind of a contract kind; false for UNSPECIFIED and for numbers the contract does not define.</summary>
    public static bool TryToRegistry(Contract kind, out Registry result)
    {
        Registry? mapped = kind switch
        {
            Contract.Gemeente => Registry.Gemeente,
            Contract.Roc => Registry.Roc,
            Contract.Rmc => Registry.Rmc,
            Contract.Zorgaanbieder => Registry.Zorgaanbieder,
            Contract.Jeugdhulp => Registry.Jeugdhulp,
            Contract.Uwv => Registry.Uwv,
            Contract.Schuldhulp => Registry.Schuldhulp,
            Contract.Woningcorporatie => Registry.Woningcorporatie,
            Contract.Hub => Registry.Hub,
            _ => null,
        };
        result = mapped.GetValueOrDefault();
        return mapped.HasValue;
    }
}
