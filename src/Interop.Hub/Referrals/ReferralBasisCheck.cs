using Interop.Contracts.V1;
using Interop.Federation.Grpc;
using Interop.Federation.Registry;
using Interop.Hub.Calls;
using Interop.Hub.LegalBasis;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Storage;
using Interop.ProcessingLog;

namespace Interop.Hub.Referrals;

/// <summary>
/// Establishes the legal basis of a referral inside its write (so a consent revoked before is seen). A consent must
/// name the organisation that receives the data, so it is looked up for the RECEIVER (its OIN, kind, region); a
/// statutory task must be held by the kind of the organisation that discloses, so it is looked up for the SENDER.
/// With no basis in the request the hub looks for a statutory task of the sender first (as the resolver, a task
/// wins over consent), then a consent for the receiver. Refused: FAILED_PRECONDITION (referrals.proto: "refuses with FAILED_PRECONDITION when it finds none").
/// </summary>
internal sealed class ReferralBasisCheck(ILegalBasisResolver resolver)
{
    /// <summary>The precondition type of a missing or insufficient legal basis.</summary>
    public const string PreconditionType = "LEGAL_BASIS";

    /// <summary>The basis the referral rests on; throws FAILED_PRECONDITION when there is none.</summary>
    public async Task<BasisDecision> DecideAsync(
        HubWriteContext context, HubCaller sender, Organisation receiver, string pseudonym, NewReferral referral, IReadOnlyList<DataCategory> categories)
    {
        BasisQuery ForReceiver(Contracts.V1.LegalBasis? claimed) => new(
            pseudonym, receiver.Oin, OrganisationKindMapping.ToContract(receiver.Kind), receiver.RmcRegion, referral.PurposeCode, referral.Leefgebieden, categories, claimed);
        BasisQuery ForSender(Contracts.V1.LegalBasis? claimed) => new(
            pseudonym, sender.Oin, OrganisationKindMapping.ToContract(sender.OrganisationKind), sender.RmcRegion, referral.PurposeCode, referral.Leefgebieden, categories, claimed);

        var claimed = referral.ClaimedBasis;
        BasisDecision decision;
        if (claimed is { BasisCase: Contracts.V1.LegalBasis.BasisOneofCase.ConsentId })
        {
            decision = await DecideAsync(context, ForReceiver(claimed)).ConfigureAwait(false);
            Require(decision, ProcessingLegalBasisKind.Consent);
        }
        else if (claimed is { BasisCase: Contracts.V1.LegalBasis.BasisOneofCase.StatutoryTask })
        {
            decision = await DecideAsync(context, ForSender(claimed)).ConfigureAwait(false);
            Require(decision, ProcessingLegalBasisKind.StatutoryTask);
        }
        else
        {
            // The resolver lets a covering statutory task win over consent; so does this order.
            decision = await DecideAsync(context, ForSender(null)).ConfigureAwait(false);
            if (decision.Permitted && decision.Basis.Kind == ProcessingLegalBasisKind.StatutoryTask)
            {
                return decision;
            }

            decision = await DecideAsync(context, ForReceiver(null)).ConfigureAwait(false);
            if (!(decision.Permitted && decision.Basis.Kind == ProcessingLegalBasisKind.Consent))
            {
                // A task of the receiver's kind is no basis for the sender to disclose.
                Refuse(decision.Permitted ? WithheldReason.NoConsent : decision.WithheldReason);
            }
        }

        return decision;
    }

    private Task<BasisDecision> DecideAsync(HubWriteContext context, BasisQuery query) =>
        resolver.DecideAsync(context.Connection, context.Transaction, query, context.Now, context.CancellationToken);

    private static void Require(BasisDecision decision, ProcessingLegalBasisKind kind)
    {
        if (!decision.Permitted || decision.Basis.Kind != kind)
        {
            Refuse(decision.WithheldReason);
        }
    }

    private static void Refuse(WithheldReason reason) =>
        HubErrors.FailedPrecondition(PreconditionType, "legal_basis", reason switch
        {
            WithheldReason.NoConsent => "No consent of the jongere covers the receiver, and no statutory task of the sender covers this referral.",
            WithheldReason.NoLegalBasis => "The sender's kind holds no such statutory task for this purpose and leefgebied, and no consent covers the receiver.",
            WithheldReason.OutsideConsent => "The consent does not cover the receiver, this purpose, these leefgebieden or these data categories.",
            WithheldReason.ConsentRevoked => "The consent has been revoked.",
            WithheldReason.ConsentNotValid => "The consent has expired or is not yet valid.",
            WithheldReason.SpecialCategory => "The referral carries special-category data (health or justice) that the basis does not name explicitly.",
            _ => "No legal basis covers this referral.",
        });
}
