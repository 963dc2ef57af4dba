using Interop.Contracts.V1;
using Interop.Federation.Registry;
using Interop.Grpc;
using Interop.Hub.Calls;
using Interop.Hub.LegalBasis;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Storage;
using Interop.Hub.Subjects;
using Interop.ProcessingLog;

namespace Interop.Hub.Referrals;

/// <summary>
/// interop.v1.ReferralService: referrals between partners and their closed loop. The scopes (referrals.read,
/// referrals.write) are enforced by the authorization interceptor before these handlers run. Every write checks and
/// changes in one queued operation, with its event(s) and processing record in the same transaction; every read
/// logs one READ record per referral returned.
/// </summary>
internal sealed partial class ReferralGrpcService(
    IHubDatabase database,
    SubjectDirectory subjects,
    PartnerLookup partners,
    ReferralBasisCheck basisCheck,
    ReferralContentProtector protector,
    ReferralRenderer renderer,
    ReferralReadBasis readBasis,
    PurposeRegister purposes,
    TimeProvider time) : ReferralService.ReferralServiceBase
{
    /// <summary>The precondition type of a receiver that is not an enabled partner.</summary>
    internal const string ReceiverNotPartner = "RECEIVER_NOT_A_PARTNER";

    /// <summary>The precondition type of a receiver that does not accept a requested leefgebied.</summary>
    internal const string LeefgebiedNotAccepted = "LEEFGEBIED_NOT_ACCEPTED";

    /// <inheritdoc />
    public override async Task<Referral> SubmitReferral(SubmitReferralRequest request, ServerCallContext context)
    {
        var call = HubCall.From(context, time);
        var ct = context.CancellationToken;
        var input = SubmitReferralValidation.Validate(request, call.CallerOin, subjects, code => purposes.TryGet(code, out _), call.StartTime);

        var receiver = await partners.FindEnabledAsync(input.ReceiverOin, ct).ConfigureAwait(false);
        var refused = receiver is null ? [] : input.Leefgebieden.Where(l => !receiver.ReferralLeefgebieden.Contains(l)).ToList();
        if (receiver is null || refused.Count > 0)
        {
            // A retry of a submission that committed returns its referral even when the receiver changed since.
            var committed = await database.ReadAsync((c, t) => ReferralStore.FindKeyAsync(c, null, call.CallerOin, input.IdempotencyKey, t), ct).ConfigureAwait(false);
            if (committed is not null)
            {
                return await ReturnEarlierAsync(committed, input, call.CallerOin, ct).ConfigureAwait(false);
            }

            if (receiver is null)
            {
                HubErrors.FailedPrecondition(ReceiverNotPartner, "receiver_oin", "The receiver is not a registered, enabled partner of the hub.");
            }

            HubErrors.FailedPrecondition(LeefgebiedNotAccepted, "leefgebieden",
                $"The receiver does not accept referrals on {string.Join(", ", refused)}; see DirectoryService for what it accepts.");
        }

        var senderRef = await partners.RefAsync(call.CallerOin, ct).ConfigureAwait(false);
        var categories = ReferralDataCategories.Of(input.Content, withBsn: true);
        var (earlier, stored) = await database.WriteAsync(ctx => SubmitAsync(ctx, call, input, receiver, senderRef, categories), ct).ConfigureAwait(false);
        if (earlier is not null)
        {
            return await ReturnEarlierAsync(earlier, input, call.CallerOin, ct).ConfigureAwait(false);
        }

        // The answer is built from what the write stored, without reading it back or decrypting it.
        return await renderer.RenderAsync(stored!.Row, stored.Content, stored.Bsn, call.CallerOin, ct).ConfigureAwait(false);
    }

    private async Task<(IdempotencyEntry? Earlier, StoredSubmission? Stored)> SubmitAsync(
        HubWriteContext ctx, HubCall call, NewReferral input, Organisation receiver, OrganisationRef senderRef, IReadOnlyList<DataCategory> categories)
    {
        // The key is looked up in the write, which runs one at a time: a retry (also one racing the first submission)
        // finds the committed submission instead of losing on the primary key.
        var earlier = await ReferralStore.FindKeyAsync(ctx.Connection, ctx.Transaction, input.SenderOin, input.IdempotencyKey, ctx.CancellationToken).ConfigureAwait(false);
        if (earlier is not null)
        {
            RequireSameRequest(earlier, input);
            return (earlier, null);
        }

        var subject = await subjects.ResolveAsync(ctx, input.Subject, input.SenderOin).ConfigureAwait(false);
        var decision = await basisCheck.DecideAsync(ctx, call.Caller, receiver, subject.Pseudonym, input, categories).ConfigureAwait(false);
        var content = input.Content.Clone();
        content.LegalBasis = decision.ContractBasis;
        var row = await ReferralStore.InsertAsync(ctx, input, subject.Pseudonym, (long)decision.Basis.Kind, decision.Basis.Value, protector.Protect(content, input.ReferralId)).ConfigureAwait(false);

        var bsn = await subjects.BsnOfAsync(ctx, subject.Pseudonym, input.Subject).ConfigureAwait(false);
        var receiverRef = await subjects.RefForAsync(ctx, subject.Pseudonym, input.ReceiverOin, bsn).ConfigureAwait(false);
        var received = new ReferralReceived { ReferralId = input.ReferralId, Sender = senderRef, Urgency = input.Urgency };
        received.Leefgebieden.AddRange(input.Leefgebieden);
        await ctx.AddEventAsync(input.ReceiverOin, new Event { SubjectRef = receiverRef, ReferralReceived = received }).ConfigureAwait(false);
        await ConsentDisclosures.RecordAsync(ctx, decision.Basis, input.ReceiverOin, subject.Pseudonym).ConfigureAwait(false);
        await ctx.LogAsync(call.Record(ProcessingActivities.Referral, ProcessingAction.Create, input.PurposeCode, decision.Basis, subject.Pseudonym, categories, ctx.Now)).ConfigureAwait(false);
        return (null, new StoredSubmission(row, content, bsn));
    }

    private async Task<Referral> ReturnEarlierAsync(IdempotencyEntry earlier, NewReferral input, string callerOin, CancellationToken ct)
    {
        RequireSameRequest(earlier, input);
        var row = await database.ReadAsync((c, t) => ReferralStore.GetAsync(c, null, earlier.ReferralId, t), ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException("An idempotency key names a referral that does not exist.");
        return await renderer.RenderAsync(row, callerOin, ct).ConfigureAwait(false);
    }

    private static void RequireSameRequest(IdempotencyEntry earlier, NewReferral input)
    {
        if (!string.Equals(earlier.RequestHash, input.RequestHash, StringComparison.Ordinal))
        {
            HubErrors.AlreadyExists("This idempotency_key was used for a different request: use a new key for a new referral.");
        }
    }

    /// <summary>The processing-log form of a referral's stored legal basis.</summary>
    private static ProcessingLegalBasis BasisOf(ReferralRow row) => (ProcessingLegalBasisKind)row.LegalBasisKind switch
    {
        ProcessingLegalBasisKind.Consent => ProcessingLegalBasis.Consent(row.LegalBasisValue),
        ProcessingLegalBasisKind.StatutoryTask => ProcessingLegalBasis.StatutoryTask(row.LegalBasisValue),
        _ => ProcessingLegalBasis.None,
    };
}
