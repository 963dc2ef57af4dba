using Dapper;
using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Calls;
using Interop.Hub.Storage;
using Interop.ProcessingLog;

namespace Interop.Hub.Consent;

internal sealed partial class ConsentGrpcService
{
    /// <summary>What a ConsentRevoked event carries about the jongere: the recipient's subject_ref.</summary>
    private static readonly IReadOnlyList<DataCategory> RevokedCategories = [DataCategory.Pseudonym];

    /// <inheritdoc />
    /// <remarks>
    /// In the revocation's own transaction (so the next exchange, which resolves its legal basis on the same
    /// database, is refused), a ConsentRevoked event is queued for every organisation that received data under the
    /// consent (consent_disclosure) and for the organisation the consent names, each once and with its own
    /// subject_ref. The revoking organisation is notified too when it is one of them: the event is the organisation's
    /// durable signal to stop processing, and its subscriber need not be the client that made this call.
    /// </remarks>
    public override async Task<Contracts.V1.Consent> RevokeConsent(RevokeConsentRequest request, ServerCallContext context)
    {
        var call = HubCall.From(context, time);
        var violations = new Violations();
        if (!ConsentFieldRules.IsConsentId(request.ConsentId))
        {
            violations.Add("consent_id", "Required: a consent_id as the hub issued it (a UUID in lower-case canonical form).");
        }

        ConsentFieldRules.Text(request.RevokedByProfessional, "revoked_by_professional", ConsentFieldRules.MaxProfessionalLength, required: true, violations);
        violations.ThrowIfAny();

        var consentId = request.ConsentId;
        var revokeDetails = mapping.ProtectRevocation(consentId, request.RevokedByProfessional);
        var reader = ConsentReader.Of(call.Caller);

        var (row, subjectRef, outcome) = await database.WriteAsync(async ctx =>
        {
            var row = await ctx.Connection.QuerySingleOrDefaultAsync<StoredConsent>(ctx.Command(ConsentSql.SelectById, new { consentId })).ConfigureAwait(false);
            if (row is null || !reader.Concerns(row))
            {
                HubErrors.NotFound("No consent with this consent_id that your organisation recorded or may receive data under.");
            }

            var subjectRef = await subjects.RefForAsync(ctx, row.SubjectPseudonym, call.CallerOin).ConfigureAwait(false);
            var categories = new[] { DataCategory.Pseudonym, DataCategory.Professional };
            var now = HubTime.ToStored(ctx.Now);
            var outcome = row.RevokeTime is not null ? RevokeOutcome.AlreadyRevoked
                : row.ValidUntil is { } until && until <= now ? RevokeOutcome.Expired
                : RevokeOutcome.Revoked;
            if (outcome == RevokeOutcome.Revoked)
            {
                await ctx.ExecuteAsync(ConsentSql.Revoke, new { now, revokedBy = call.CallerOin, revokeDetails, consentId }).ConfigureAwait(false);
                row.RevokeTime = now;
                row.RevokedByOin = call.CallerOin;
                await NotifyRevokedAsync(ctx, call, row).ConfigureAwait(false);
            }

            // The repeat of a revocation only reads; an expired consent is not changed, and the attempt is logged as failed.
            await ctx.LogAsync(call.Record(
                ProcessingActivities.Consent,
                outcome == RevokeOutcome.AlreadyRevoked ? ProcessingAction.Read : ProcessingAction.Update,
                row.PurposeCode,
                ProcessingLegalBasis.Consent(consentId),
                row.SubjectPseudonym,
                categories,
                ctx.Now,
                outcome == RevokeOutcome.Expired ? ProcessingStatus.Error : ProcessingStatus.Ok)).ConfigureAwait(false);
            return (row, subjectRef, outcome);
        }, context.CancellationToken).ConfigureAwait(false);

        if (outcome == RevokeOutcome.Expired)
        {
            HubErrors.FailedPrecondition("CONSENT_EXPIRED", "consents/" + consentId, "The consent has expired: there is nothing left to revoke.");
        }

        return await mapping.ToMessageAsync(row, subjectRef, time.GetUtcNow(), context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues ConsentRevoked for every organisation that received data under the consent and for its named grantee,
    /// and logs each as a disclosure to its recipient (the jongere's subject_ref and that the consent ended) under the
    /// consent it concerns.
    /// </summary>
    private async Task NotifyRevokedAsync(HubWriteContext ctx, HubCall call, StoredConsent row)
    {
        var recipients = (await ctx.Connection.QueryAsync<string>(ctx.Command(ConsentSql.Disclosures, new { consentId = row.ConsentId })).ConfigureAwait(false)).ToList();
        if (row.GranteeOin is { } grantee)
        {
            recipients.Add(grantee);
        }

        var revokeTime = Timestamp.FromDateTimeOffset(HubTime.FromStored(row.RevokeTime!.Value));
        foreach (var recipient in recipients.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var recipientRef = await subjects.RefForAsync(ctx, row.SubjectPseudonym, recipient).ConfigureAwait(false);
            await ctx.AddEventAsync(recipient, new Event
            {
                SubjectRef = recipientRef,
                OccurTime = revokeTime,
                ConsentRevoked = new ConsentRevoked { ConsentId = row.ConsentId, RevokeTime = revokeTime },
            }).ConfigureAwait(false);
            await ctx.LogAsync(call.Disclosure(
                recipient, call.CallerOin, ProcessingActivities.Consent, row.PurposeCode, ProcessingLegalBasis.Consent(row.ConsentId), row.SubjectPseudonym, RevokedCategories, ctx.Now)).ConfigureAwait(false);
        }
    }
}
