using Interop.Contracts.V1;
using Interop.Federation.Registry;
using OrganisationKind = Interop.Contracts.V1.OrganisationKind;
using Interop.Hub.Calls;
using Interop.Hub.LegalBasis;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Subjects;

namespace Interop.Hub.Consent;

/// <summary>
/// Checks a RegisterConsent request field by field and lists every violation in one INVALID_ARGUMENT: nothing is
/// stored unless all of it is right. Runs before the write (the registry and purpose lookups are cached reads).
/// </summary>
internal sealed class RegisterConsentValidator(SubjectDirectory subjects, PartnerLookup partners, PurposeRegister purposes)
{
    /// <summary>How far ahead valid_from may lie (consent.proto: not more than a year).</summary>
    private static readonly TimeSpan MaxLeadTime = TimeSpan.FromDays(366);

    /// <summary>The validated request; throws INVALID_ARGUMENT listing every bad field.</summary>
    public async Task<NewConsent> ValidateAsync(RegisterConsentRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var subject = subjects.Parse(request.Subject, "subject", violations);
        var (granteeOin, granteeKind, granteeRegion) = await GranteeAsync(request.Grantee, violations, cancellationToken).ConfigureAwait(false);

        var purposeCode = purposes.Validate(request.Purpose, "purpose", violations);

        var leefgebieden = ConsentFieldRules.EnumList(request.Leefgebieden, "leefgebieden", "leefgebied", violations);
        var categories = ConsentFieldRules.EnumList(request.DataCategories, "data_categories", "data category", violations);

        var validFrom = now;
        if (request.ValidFrom is { } from && ConsentFieldRules.Time(from, "valid_from", violations) is { } parsedFrom)
        {
            validFrom = parsedFrom;
            if (validFrom > now + MaxLeadTime)
            {
                violations.Add("valid_from", "May not lie more than a year ahead.");
            }
        }

        DateTimeOffset? validUntil = null;
        if (request.ValidUntil is { } until && ConsentFieldRules.Time(until, "valid_until", violations) is { } parsedUntil)
        {
            validUntil = parsedUntil;
            if (validUntil <= validFrom)
            {
                violations.Add("valid_until", "Must be after valid_from (or after now when valid_from is unset).");
            }
        }

        if (request.GivenBy == ConsentGiver.Unspecified || !Enum.IsDefined(request.GivenBy))
        {
            violations.Add("given_by", "Required: SUBJECT or LEGAL_REPRESENTATIVE.");
        }

        var evidence = request.Evidence ?? new ConsentEvidence();
        if (evidence.Kind == ConsentEvidenceKind.Unspecified || !Enum.IsDefined(evidence.Kind))
        {
            violations.Add("evidence.kind", "Required: VERBAL, SIGNED_FORM or DIGITAL.");
        }

        ConsentFieldRules.Text(evidence.Reference, "evidence.reference", ConsentFieldRules.MaxEvidenceReferenceLength, required: false, violations);
        ConsentFieldRules.Text(request.RecordedByProfessional, "recorded_by_professional", ConsentFieldRules.MaxProfessionalLength, required: true, violations);

        violations.ThrowIfAny();
        var provenance = new ConsentProvenance
        {
            RecordedByProfessional = request.RecordedByProfessional,
            GivenBy = request.GivenBy,
            Evidence = new ConsentEvidence { Kind = evidence.Kind, Reference = evidence.Reference },
        };
        return new NewConsent(subject!, granteeOin, granteeKind, granteeRegion, purposeCode!, leefgebieden!, categories!, validFrom, validUntil, provenance);
    }

    private async Task<(string? Oin, OrganisationKind? Kind, string? Region)> GranteeAsync(ConsentGrantee? grantee, Violations violations, CancellationToken cancellationToken)
    {
        switch (grantee?.GranteeCase ?? ConsentGrantee.GranteeOneofCase.None)
        {
            case ConsentGrantee.GranteeOneofCase.OrganisationOin:
                if (grantee!.RmcRegion.Length > 0)
                {
                    violations.Add("grantee.rmc_region", "Only with organisation_kind: a grant to one organisation has no region.");
                }

                if (Oin.Validate(grantee.OrganisationOin) is { } error)
                {
                    violations.Add("grantee.organisation_oin", error);
                    return (null, null, null);
                }

                if (await partners.FindEnabledAsync(grantee.OrganisationOin, cancellationToken).ConfigureAwait(false) is null)
                {
                    violations.Add("grantee.organisation_oin", "No partner with this OIN is registered (and enabled) with the hub.");
                    return (null, null, null);
                }

                return (grantee.OrganisationOin, null, null);

            case ConsentGrantee.GranteeOneofCase.OrganisationKind:
                var kind = grantee!.OrganisationKind;
                if (kind == OrganisationKind.Unspecified || !OrganisationKindMapping.TryToRegistry(kind, out _))
                {
                    violations.Add("grantee.organisation_kind", kind == OrganisationKind.Unspecified
                        ? "UNSPECIFIED is not an organisation kind."
                        : $"Unknown organisation kind {(int)kind}.");
                }

                // The registry's rule for RMC region codes (PartnerValidation): 1-16 letters or digits; stored in upper case,
                // as region codes are written (RMC38), so a plain comparison with a partner's region matches.
                var region = grantee.RmcRegion;
                if (region.Length > 16 || !region.All(char.IsAsciiLetterOrDigit))
                {
                    violations.Add("grantee.rmc_region", "An RMC region is 1-16 letters or digits (e.g. RMC38), or empty for any region.");
                }

                return (null, kind, region.Length == 0 ? null : region.ToUpperInvariant());

            default:
                violations.Add("grantee", "Required: exactly one of organisation_oin and organisation_kind.");
                return (null, null, null);
        }
    }
}
