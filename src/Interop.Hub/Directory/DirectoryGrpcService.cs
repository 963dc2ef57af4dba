using Google.Rpc;
using Interop.Contracts.V1;
using Interop.Federation.Registry;
using Interop.Grpc;
using Interop.Hub.Calls;

// Not Interop.Hub.Directory: a namespace of that name would shadow System.IO.Directory for all code in Interop.Hub.
namespace Interop.Hub.PartnerDirectory;

/// <summary>
/// interop.v1.DirectoryService: the enabled partners of the registry. The directory.read scope is enforced by the
/// hub's authorization interceptor from the methods' required_scope option, before these handlers run. The
/// directory holds no personal data, so nothing here goes to the processing log.
/// </summary>
internal sealed class DirectoryGrpcService(IPartnerStore partners) : DirectoryService.DirectoryServiceBase
{
    /// <inheritdoc />
    public override async Task<ListPartnersResponse> ListPartners(ListPartnersRequest request, ServerCallContext context)
    {
        var violations = new List<BadRequest.Types.FieldViolation>();
        var query = DirectoryRequestValidation.Validate(request, violations);
        if (query is null)
        {
            HubErrors.InvalidArgument(violations);
        }

        // The registry is small (one row per organisation in a region), so it is read whole and filtered here.
        // Disabled partners are left out: a disabled organisation's clients are refused, so it cannot take part.
        var all = await partners.ListOrganisationsAsync(context.CancellationToken).ConfigureAwait(false);
        var matching = all
            .Where(o => o.Enabled && (query.AfterOin is null || string.CompareOrdinal(o.Oin, query.AfterOin) > 0))
            .OrderBy(o => o.Oin, StringComparer.Ordinal)
            .Select(PartnerMapping.ToPartner)
            .Where(query.Matches)
            .Take(query.PageSize + 1)
            .ToList();

        var response = new ListPartnersResponse { Page = new PageResponse() };
        response.Partners.AddRange(matching.Take(query.PageSize));
        if (matching.Count > query.PageSize)
        {
            response.Page.NextPageToken = PartnerPageToken.Create(response.Partners[^1].Organisation.Oin, query.Filters);
        }

        return response;
    }

    /// <inheritdoc />
    public override async Task<Partner> GetPartner(GetPartnerRequest request, ServerCallContext context)
    {
        var violations = new List<BadRequest.Types.FieldViolation>();
        DirectoryRequestValidation.Validate(request, violations);
        if (violations.Count > 0)
        {
            HubErrors.InvalidArgument(violations);
        }

        var organisation = await partners.GetOrganisationAsync(request.Oin, context.CancellationToken).ConfigureAwait(false);
        if (organisation is not { Enabled: true })
        {
            // A disabled partner reads as unknown (directory.proto): it takes no part in exchanges.
            HubErrors.NotFound($"No partner with OIN {request.Oin}.");
        }

        return PartnerMapping.ToPartner(organisation);
    }
}
