using Interop.Contracts.V1;

namespace Interop.Hub.LegalBasis;

/// <summary>
/// May <see cref="OrganisationOin"/> process (receive, see) data about the jongere <see cref="SubjectPseudonym"/>
/// for <see cref="PurposeCode"/>, in these leefgebieden and data categories? When <see cref="Claimed"/> is set, only
/// that basis is considered (a request that names its basis); otherwise the resolver looks for any basis.
/// </summary>
/// <param name="SubjectPseudonym">The jongere.</param>
/// <param name="OrganisationOin">The organisation that would process the data.</param>
/// <param name="OrganisationKind">Its kind (consent may name a kind; statutory tasks are held per kind).</param>
/// <param name="RmcRegion">Its RMC region (consent may be limited to one), or null.</param>
/// <param name="PurposeCode">The purpose (doelbinding).</param>
/// <param name="Leefgebieden">The leefgebieden concerned; empty means none in particular.</param>
/// <param name="DataCategories">The categories of personal data concerned; empty means none in particular.</param>
/// <param name="Claimed">The basis the request named, or null.</param>
internal sealed record BasisQuery(
    string SubjectPseudonym,
    string OrganisationOin,
    OrganisationKind OrganisationKind,
    string? RmcRegion,
    string PurposeCode,
    IReadOnlyCollection<Leefgebied> Leefgebieden,
    IReadOnlyCollection<DataCategory> DataCategories,
    Contracts.V1.LegalBasis? Claimed = null);
