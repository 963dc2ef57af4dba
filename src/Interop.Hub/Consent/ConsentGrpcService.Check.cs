using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Federation.Registry;
using Interop.Hub.Calls;
using Interop.Hub.LegalBasis;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Storage;

namespace Interop.Hub.Consent;

internal sealed partial class ConsentGrpcService
{
    /// <inheritdoc />
    /// <remarks>
    /// The answer comes from the same <see cref="ILegalBasisResolver"/> every exchange uses, so CheckConsent and the
    /// exchange that follows cannot disagree (apart from a revocation or expiry in between). The decision is read and
    /// recorded in one <see cref="IHubDatabase.ReadThenWriteAsync"/>.
    /// </remarks>
    public override async Task<CheckConsentResponse> CheckConsent(CheckConsentRequest request, ServerCallContext context)
    {
        var call = HubCall.From(context, time);
        var violations = new Violations();
        var subject = subjects.Parse(request.Subject, "subject", violations);

        var reader = ConsentReader.Of(call.Caller);
        var grantee = reader;
        if (request.GranteeOin.Length > 0 && request.GranteeOin != call.CallerOin)
        {
            if (Oin.Validate(request.GranteeOin) is { } error)
            {
                violations.Add("grantee_oin", error);
            }
            else if (await partners.FindEnabledAsync(request.GranteeOin, context.CancellationToken).ConfigureAwait(false) is { } organisation)
            {
                grantee = new ConsentReader(organisation.Oin, OrganisationKindMapping.ToContract(organisation.Kind), string.IsNullOrEmpty(organisation.RmcRegion) ? null : organisation.RmcRegion);
            }
            else
            {
                violations.Add("grantee_oin", "No partner with this OIN is registered (and enabled) with the hub.");
            }
        }

        var purposeCode = purposes.Validate(request.Purpose, "purpose", violations);

        if (request.Leefgebied == Leefgebied.Unspecified)
        {
            violations.Add("leefgebied", "Required: the leefgebied the data concerns.");
        }
        else if (!Enum.IsDefined(request.Leefgebied))
        {
            violations.Add("leefgebied", $"Unknown leefgebied {(int)request.Leefgebied}.");
        }

        var categories = ConsentFieldRules.EnumList(request.DataCategories, "data_categories", "data category", violations);
        violations.ThrowIfAny();

        var now = time.GetUtcNow();
        var decision = await database.ReadThenWriteAsync(
            async (connection, transaction, ct) =>
            {
                var pseudonym = subject!.Pseudonym ?? await subjects.FindAsync(connection, transaction, subject, call.CallerOin, ct).ConfigureAwait(false);
                if (pseudonym is null)
                {
                    HubErrors.NotFound("No jongere with this subject_ref: it was not issued to your organisation by this hub.");
                }

                var query = new BasisQuery(pseudonym, grantee.Oin, grantee.Kind, grantee.Region, purposeCode!, [request.Leefgebied], categories!);
                return (Pseudonym: pseudonym, Decision: await resolver.DecideAsync(connection, transaction, query, now, ct).ConfigureAwait(false));
            },
            async (ctx, read) =>
            {
                await ctx.LogAsync(call.Record(
                    ProcessingActivities.Consent, ProcessingAction.Read, purposeCode!, read.Decision.Basis, read.Pseudonym, [SubjectCategory(subject!)], ctx.Now)).ConfigureAwait(false);
                return read.Decision;
            },
            context.CancellationToken).ConfigureAwait(false);

        var response = new CheckConsentResponse { Permitted = decision.Permitted };
        response.PermittedCategories.AddRange(decision.PermittedCategories);
        if (decision.Permitted)
        {
            response.LegalBasis = decision.ContractBasis;
            response.ValidUntil = decision.ValidUntil is { } until ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(until) : null;
        }

        return response;
    }
}
