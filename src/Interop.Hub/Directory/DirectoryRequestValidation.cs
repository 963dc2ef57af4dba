using System.Globalization;
using Google.Rpc;
using Interop.Contracts.V1;
using Interop.Federation.Registry;
using OrganisationKind = Interop.Federation.Registry.OrganisationKind;

namespace Interop.Hub.PartnerDirectory;

/// <summary>Checks Directory requests; every bad field is reported at once, as google.rpc.BadRequest violations.</summary>
internal static class DirectoryRequestValidation
{
    /// <summary>PageRequest.page_size 0 means this default (common.proto).</summary>
    public const int DefaultPageSize = 50;

    /// <summary>PageRequest.page_size above this is lowered to it (common.proto).</summary>
    public const int MaxPageSize = 500;

    /// <summary>The query <paramref name="request"/> asks for, or null with <paramref name="violations"/> filled.</summary>
    public static ListPartnersQuery? Validate(ListPartnersRequest request, List<BadRequest.Types.FieldViolation> violations)
    {
        OrganisationKind? kind = null;
        if (request.Kind != Contracts.V1.OrganisationKind.Unspecified)
        {
            if (OrganisationKindMapping.TryToRegistry(request.Kind, out var mapped))
            {
                kind = mapped;
            }
            else
            {
                violations.Add(Violation("kind", $"Unknown organisation kind {(int)request.Kind}."));
            }
        }

        // The registry's rule for RMC region codes (PartnerValidation): 1-16 letters or digits.
        var region = request.RmcRegion.Length == 0 ? null : request.RmcRegion;
        if (region is not null && (region.Length > 16 || !region.All(char.IsAsciiLetterOrDigit)))
        {
            violations.Add(Violation("rmc_region", "An RMC region is 1-16 letters or digits (e.g. RMC38)."));
        }

        Leefgebied? leefgebied = null;
        if (request.ReferralLeefgebied != Leefgebied.Unspecified)
        {
            if (Enum.IsDefined(request.ReferralLeefgebied))
            {
                leefgebied = request.ReferralLeefgebied;
            }
            else
            {
                violations.Add(Violation("referral_leefgebied", $"Unknown leefgebied {(int)request.ReferralLeefgebied}."));
            }
        }

        var page = request.Page ?? new PageRequest();
        if (page.PageSize < 0)
        {
            violations.Add(Violation("page.page_size", "page_size must not be negative."));
        }

        var filters = string.Join('|', ((int)request.Kind).ToString(CultureInfo.InvariantCulture), region?.ToUpperInvariant() ?? "", ((int)request.ReferralLeefgebied).ToString(CultureInfo.InvariantCulture));
        string? afterOin = null;
        if (page.PageToken.Length > 0)
        {
            if (PartnerPageToken.TryRead(page.PageToken, filters, out var lastOin))
            {
                afterOin = lastOin;
            }
            else
            {
                violations.Add(Violation("page.page_token", "Not a page token of this listing: use next_page_token unchanged, with the same filters."));
            }
        }

        if (violations.Count > 0)
        {
            return null;
        }

        var pageSize = page.PageSize == 0 ? DefaultPageSize : Math.Min(page.PageSize, MaxPageSize);
        return new ListPartnersQuery(kind, region, leefgebied, pageSize, afterOin, filters);
    }

    /// <summary>Problems with a GetPartner request; empty when it is valid.</summary>
    public static void Validate(GetPartnerRequest request, List<BadRequest.Types.FieldViolation> violations)
    {
        if (Oin.Validate(request.Oin) is { } error)
        {
            violations.Add(Violation("oin", error));
        }
    }

    private static BadRequest.Types.FieldViolation Violation(string field, string description) =>
        new() { Field = field, Description = description };
}
