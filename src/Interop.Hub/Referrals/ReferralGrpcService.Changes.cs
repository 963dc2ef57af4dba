using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Calls;
using Interop.Hub.Storage;
using Interop.ProcessingLog;

namespace Interop.Hub.Referrals;

/// <summary>The lifecycle changes: accept, decline, withdraw, complete.</summary>
internal sealed partial class ReferralGrpcService
{
    /// <inheritdoc />
    public override Task<Referral> AcceptReferral(AcceptReferralRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        ReferralFields.ReferralId(request.ReferralId, violations);
        ReferralFields.ExpectedVersion(request.ExpectedVersion, violations);
        ReferralFields.Time(request.PlannedStartTime, "planned_start_time", violations);
        violations.ThrowIfAny();
        return ChangeAsync(context, request.ReferralId, request.ExpectedVersion, ReferralTransition.Accept, (_, content, now) =>
        {
            content.PlannedStartTime = request.PlannedStartTime;
            content.DecideTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now);
        });
    }

    /// <inheritdoc />
    public override Task<Referral> DeclineReferral(DeclineReferralRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        ReferralFields.ReferralId(request.ReferralId, violations);
        ReferralFields.ExpectedVersion(request.ExpectedVersion, violations);
        if (request.Reason is null)
        {
            violations.Add("reason", "Required: a reason code (and an explanation for OTHER).");
        }
        else
        {
            if (request.Reason.Code == DeclineReasonCode.Unspecified || !Enum.IsDefined(request.Reason.Code))
            {
                violations.Add("reason.code", "Required: a defined decline reason code.");
            }

            ReferralFields.Text(request.Reason.Explanation, 2000, "reason.explanation", violations, required: request.Reason.Code == DeclineReasonCode.Other);
        }

        violations.ThrowIfAny();
        return ChangeAsync(context, request.ReferralId, request.ExpectedVersion, ReferralTransition.Decline, (_, content, now) =>
        {
            content.DeclineReason = request.Reason!.Clone();
            content.DecideTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now);
        });
    }

    /// <inheritdoc />
    public override Task<Referral> WithdrawReferral(WithdrawReferralRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        ReferralFields.ReferralId(request.ReferralId, violations);
        ReferralFields.ExpectedVersion(request.ExpectedVersion, violations);
        ReferralFields.Text(request.Reason, 2000, "reason", violations);
        violations.ThrowIfAny();
        return ChangeAsync(context, request.ReferralId, request.ExpectedVersion, ReferralTransition.Withdraw, (_, content, now) =>
        {
            content.WithdrawReason = request.Reason;
            content.CloseTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now);
        });
    }

    /// <inheritdoc />
    public override Task<Referral> CompleteReferral(CompleteReferralRequest request, ServerCallContext context)
    {
        var now = time.GetUtcNow();
        var violations = new Violations();
        ReferralFields.ReferralId(request.ReferralId, violations);
        ReferralFields.ExpectedVersion(request.ExpectedVersion, violations);
        DateTimeOffset? endTime = null;
        if (request.Outcome is null)
        {
            violations.Add("outcome", "Required: an outcome code, optionally a summary and end time.");
        }
        else
        {
            if (request.Outcome.Code == ReferralOutcomeCode.Unspecified || !Enum.IsDefined(request.Outcome.Code))
            {
                violations.Add("outcome.code", "Required: a defined outcome code.");
            }

            ReferralFields.Text(request.Outcome.Summary, 4000, "outcome.summary", violations, required: request.Outcome.Code == ReferralOutcomeCode.Other);
            endTime = ReferralFields.Time(request.Outcome.EndTime, "outcome.end_time", violations);
            if (endTime > now)
            {
                violations.Add("outcome.end_time", "Must not be in the future.");
            }
        }

        violations.ThrowIfAny();
        return ChangeAsync(context, request.ReferralId, request.ExpectedVersion, ReferralTransition.Complete, (row, content, changeTime) =>
        {
            if (endTime is { } end && HubTime.ToStored(end) < row.SubmitTime)
            {
                HubErrors.InvalidArgument("outcome.end_time", "Must not lie before the referral was submitted.");
            }

            content.Outcome = request.Outcome!.Clone();
            content.Outcome.EndTime ??= Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(changeTime);
            content.CloseTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(changeTime);
        });
    }

    /// <summary>
    /// One change: the caller must be a party (else NOT_FOUND, so existence does not leak) and the right one (else
    /// PERMISSION_DENIED); the status must allow it (else FAILED_PRECONDITION) and the version match (else ABORTED).
    /// The checks are made on a read first, to fail fast, and again by the write's UPDATE ... WHERE version and status.
    /// </summary>
    private async Task<Referral> ChangeAsync(ServerCallContext context, string referralId, long expectedVersion, ReferralTransition transition, Action<ReferralRow, Referral, DateTimeOffset> apply)
    {
        var call = HubCall.From(context, time);
        var ct = context.CancellationToken;
        var row = await database.ReadAsync((c, t) => ReferralStore.GetAsync(c, null, referralId, t), ct).ConfigureAwait(false);
        CheckChange(row, call.CallerOin, expectedVersion, transition);

        var now = time.GetUtcNow();
        var content = protector.Unprotect(row);
        apply(row, content, now);
        var protectedContent = protector.Protect(content, row.ReferralId);
        var changedBy = await partners.RefAsync(call.CallerOin, ct).ConfigureAwait(false);
        var otherOin = transition.BySender ? row.ReceiverOin : row.SenderOin;
        var categories = ReferralDataCategories.OfChange(transition.CarriesText);

        await database.WriteAsync(async ctx =>
        {
            if (!await ReferralStore.UpdateAsync(ctx, row.ReferralId, expectedVersion, row.ReferralStatus, transition.To, protectedContent, now).ConfigureAwait(false))
            {
                var current = await ReferralStore.GetAsync(ctx.Connection, ctx.Transaction, row.ReferralId, ctx.CancellationToken).ConfigureAwait(false);
                CheckChange(current, call.CallerOin, expectedVersion, transition);
                HubErrors.VersionConflict("The referral", expectedVersion, current.Version);
            }

            var otherRef = await subjects.RefForAsync(ctx, row.SubjectPseudonym, otherOin).ConfigureAwait(false);
            var changed = new ReferralChanged { ReferralId = row.ReferralId, Status = transition.To, Version = expectedVersion + 1, ChangedBy = changedBy };
            await ctx.AddEventAsync(otherOin, new Event { SubjectRef = otherRef, ReferralChanged = changed }).ConfigureAwait(false);
            await ctx.LogAsync(call.Record(ProcessingActivities.Referral, ProcessingAction.Update, row.PurposeCode, BasisOf(row), row.SubjectPseudonym, categories, ctx.Now)).ConfigureAwait(false);
            return true;
        }, ct).ConfigureAwait(false);

        row.Status = (long)transition.To;
        row.Version = expectedVersion + 1;
        row.UpdateTime = HubTime.ToStored(now);
        row.Content = protectedContent;
        return await renderer.RenderAsync(row, call.CallerOin, ct).ConfigureAwait(false);
    }

    private static void CheckChange([System.Diagnostics.CodeAnalysis.NotNull] ReferralRow? row, string callerOin, long expectedVersion, ReferralTransition transition)
    {
        if (row is null || (row.SenderOin != callerOin && row.ReceiverOin != callerOin))
        {
            HubErrors.NotFound("No referral with this id that your organisation sent or received.");
        }

        if ((transition.BySender ? row.SenderOin : row.ReceiverOin) != callerOin)
        {
            HubErrors.PermissionDenied($"Only the {(transition.BySender ? "sender" : "receiver")} of a referral may {transition.Name} it.");
        }

        if (!transition.AllowedFrom(row.ReferralStatus))
        {
            HubErrors.FailedPrecondition(ReferralTransition.PreconditionType, "referrals/" + row.ReferralId, transition.Refusal(row.ReferralStatus));
        }

        if (row.Version != expectedVersion)
        {
            HubErrors.VersionConflict("The referral", expectedVersion, row.Version);
        }
    }
}
