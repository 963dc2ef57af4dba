using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Calls;
using Interop.Hub.Storage;
using Interop.ProcessingLog;

namespace Interop.Hub.Consent;

internal sealed partial class ConsentGrpcService
{
    /// <inheritdoc />
    public override async Task<Contracts.V1.Consent> RegisterConsent(RegisterConsentRequest request, ServerCallContext context)
    {
        var call = HubCall.From(context, time);
        var consent = await validator.ValidateAsync(request, call.StartTime, context.CancellationToken).ConfigureAwait(false);
        var consentId = Guid.CreateVersion7(call.StartTime).ToString("D");
        var details = mapping.ProtectDetails(consentId, consent.Provenance);
        var categories = new[] { SubjectCategory(consent.Subject), DataCategory.Professional };

        var (row, subjectRef) = await database.WriteAsync(async ctx =>
        {
            var subject = await subjects.ResolveAsync(ctx, consent.Subject, call.CallerOin).ConfigureAwait(false);
            var row = new StoredConsent
            {
                ConsentId = consentId,
                SubjectPseudonym = subject.Pseudonym,
                GranteeOin = consent.GranteeOin,
                GranteeKind = consent.GranteeKind is { } kind ? (long)kind : null,
                GranteeRegion = consent.GranteeRegion,
                PurposeCode = consent.PurposeCode,
                LeefgebiedMask = EnumMask.Of(consent.Leefgebieden),
                CategoryMask = EnumMask.Of(consent.Categories),
                ValidFrom = HubTime.ToStored(consent.ValidFrom),
                ValidUntil = HubTime.ToStored(consent.ValidUntil),
                RecordedByOin = call.CallerOin,
                RecordTime = HubTime.ToStored(ctx.Now),
                Details = details,
            };
            await ctx.ExecuteAsync(ConsentSql.Insert, new
            {
                row.ConsentId,
                row.SubjectPseudonym,
                row.GranteeOin,
                GranteeKind = (short?)row.GranteeKind,
                row.GranteeRegion,
                row.PurposeCode,
                row.LeefgebiedMask,
                row.CategoryMask,
                row.ValidFrom,
                row.ValidUntil,
                row.RecordedByOin,
                row.RecordTime,
                row.Details,
            }).ConfigureAwait(false);
            await ctx.LogAsync(call.Record(
                ProcessingActivities.Consent, ProcessingAction.Create, consent.PurposeCode, ProcessingLegalBasis.Consent(consentId),
                subject.Pseudonym, categories, ctx.Now)).ConfigureAwait(false);
            return (row, subject.CallerRef);
        }, context.CancellationToken).ConfigureAwait(false);

        return await mapping.ToMessageAsync(row, subjectRef, time.GetUtcNow(), context.CancellationToken).ConfigureAwait(false);
    }
}
