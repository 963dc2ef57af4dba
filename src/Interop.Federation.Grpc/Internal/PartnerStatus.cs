namespace Interop.Federation.Grpc.Internal;

/// <summary>What the partner registry says about a caller.</summary>
internal enum PartnerStatus
{
    /// <summary>Client and organisation are enabled.</summary>
    Active,

    /// <summary>The client is disabled or no longer registered.</summary>
    ClientDisabled,

    /// <summary>The organisation is disabled or no longer registered.</summary>
    OrganisationDisabled,

    /// <summary>The client now belongs to another organisation than the token says.</summary>
    OrganisationMismatch,
}
