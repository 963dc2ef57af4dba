using Interop.Contracts.V1;
using Interop.Hub.Subjects;

namespace Interop.Hub.Consent;

/// <summary>A RegisterConsent request that passed validation, with its defaults applied.</summary>
/// <param name="Subject">The jongere.</param>
/// <param name="GranteeOin">The one organisation granted, or null for a kind grant.</param>
/// <param name="GranteeKind">The kind granted, or null for an organisation grant.</param>
/// <param name="GranteeRegion">The RMC region a kind grant is limited to, or null.</param>
/// <param name="PurposeCode">The purpose (in the hub's register).</param>
/// <param name="Leefgebieden">The leefgebieden covered (at least one, distinct).</param>
/// <param name="Categories">The data categories covered (at least one, distinct).</param>
/// <param name="ValidFrom">From when (the call's start when the request left it unset).</param>
/// <param name="ValidUntil">Until when (exclusive), or null.</param>
/// <param name="Provenance">The personal-data part of the provenance (professional, giver, evidence) as stored encrypted.</param>
internal sealed record NewConsent(
    SubjectInput Subject,
    string? GranteeOin,
    OrganisationKind? GranteeKind,
    string? GranteeRegion,
    string PurposeCode,
    IReadOnlyList<Leefgebied> Leefgebieden,
    IReadOnlyList<DataCategory> Categories,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidUntil,
    ConsentProvenance Provenance);
