using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Calls;
using Interop.Hub.Storage;
using Interop.Hub.Subjects;
using Interop.ProcessingLog;

namespace Interop.Hub.Inzage;

/// <summary>
/// interop.v1.ProcessingLogService: inzage (AVG article 15: which organisation saw which data about a jongere, when
/// and why) and an organisation's own records as afnemer. The scopes (processing-log.inzage, processing-log.read) are
/// enforced by the authorization interceptor from the methods' required_scope.
/// </summary>
/// <remarks>
/// Inzage is itself a processing of the jongere's personal data, so it is logged (activity
/// <see cref="ProcessingActivities.Inzage"/>) before the answer leaves the hub; a failed log write fails the call. It
/// then shows in the jongere's next inzage. Listing an organisation's own records is not logged: it reads the
/// organisation's accountability records of processings that were each logged already, not the jongere's data.
/// </remarks>
internal sealed class InzageGrpcService(
    IProcessingLog log,
    IHubDatabase database,
    SubjectDirectory subjects,
    InzageRequestValidation validation,
    InzageRecordMapping mapping,
    TimeProvider time) : ProcessingLogService.ProcessingLogServiceBase
{
    /// <summary>The purpose code of inzage in the processing log: the jongere's right of access.</summary>
    public const string PurposeCode = "inzage-betrokkene";

    /// <summary>
    /// The basis of inzage: the hub's legal obligation to give a data subject access (AVG article 15), recorded as a
    /// statutory task code.
    /// </summary>
    public const string LegalBasisCode = "avg-art-15-inzage";

    /// <inheritdoc />
    public override async Task<ListProcessingRecordsBySubjectResponse> ListProcessingRecordsBySubject(ListProcessingRecordsBySubjectRequest request, ServerCallContext context)
    {
        var call = HubCall.From(context, time);
        var query = validation.Validate(request, call.CallerOin);
        var subject = query.Subject!;
        var pseudonym = await FindAsync(subject, call.CallerOin, context.CancellationToken).ConfigureAwait(false);
        var page = await ListAsync(() => log.ListBySubjectAsync(pseudonym, new ProcessingLogPageRequest(query.PageSize, query.LogToken), query.Filter, context.CancellationToken)).ConfigureAwait(false);

        // Logged before answering, in the same write that registers the caller's subject_ref (given a BSN, the ref
        // shown as data_subject_ref must be one the caller can use later).
        var categories = subject.Bsn is null ? new[] { DataCategory.Pseudonym, DataCategory.Involvement } : [DataCategory.Bsn, DataCategory.Pseudonym, DataCategory.Involvement];
        var readerRef = await database.WriteAsync(
            async context =>
            {
                var resolved = await subjects.ResolveAsync(context, subject, call.CallerOin).ConfigureAwait(false);
                await context.LogAsync(call.Record(
                    ProcessingActivities.Inzage,
                    ProcessingAction.Read,
                    PurposeCode,
                    ProcessingLegalBasis.StatutoryTask(LegalBasisCode),
                    resolved.Pseudonym,
                    categories,
                    context.Now)).ConfigureAwait(false);
                return resolved.CallerRef;
            },
            context.CancellationToken).ConfigureAwait(false);

        var response = new ListProcessingRecordsBySubjectResponse { Page = NextPage(page, query) };
        response.Records.AddRange(await mapping.ToContractAsync(page.Records, readerRef, context.CancellationToken).ConfigureAwait(false));
        return response;
    }

    /// <inheritdoc />
    public override async Task<ListProcessingRecordsByOrganisationResponse> ListProcessingRecordsByOrganisation(ListProcessingRecordsByOrganisationRequest request, ServerCallContext context)
    {
        var call = HubCall.From(context, time);
        var query = validation.Validate(request, call.CallerOin);
        var filter = query.Filter;
        if (query.Subject is { } subject)
        {
            // A BSN filters by its pseudonym whether or not the hub knows the jongere, so the answer (no records) does
            // not tell the caller whether other organisations work with this jongere. A subject_ref must be one the
            // hub issued to the caller.
            filter = filter with { DataSubjectRef = subject.Pseudonym ?? await FindAsync(subject, call.CallerOin, context.CancellationToken).ConfigureAwait(false) };
        }

        var page = await ListAsync(() => log.ListByOrganisationAsync(call.CallerOin, new ProcessingLogPageRequest(query.PageSize, query.LogToken), filter, context.CancellationToken)).ConfigureAwait(false);
        var response = new ListProcessingRecordsByOrganisationResponse { Page = NextPage(page, query) };
        response.Records.AddRange(await mapping.ToContractForOrganisationAsync(page.Records, call.CallerOin, context.CancellationToken).ConfigureAwait(false));
        return response;
    }

    private async Task<string> FindAsync(SubjectInput subject, string callerOin, CancellationToken cancellationToken)
    {
        var pseudonym = await database.ReadAsync((connection, ct) => subjects.FindAsync(connection, subject, callerOin, ct), cancellationToken).ConfigureAwait(false);
        if (pseudonym is null)
        {
            HubErrors.NotFound("No jongere known to the hub with this bsn, or this subject_ref was not issued to your organisation by this hub.");
        }

        return pseudonym;
    }

    private static async Task<ProcessingLogPage> ListAsync(Func<Task<ProcessingLogPage>> list)
    {
        try
        {
            return await list().ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            // Only a forged token gets here: the filters were validated and the token's fingerprint matched.
            HubErrors.InvalidArgument("page.page_token", "Not a page token of this listing: use next_page_token unchanged, with the same filters.");
            throw;
        }
    }

    private static PageResponse NextPage(ProcessingLogPage page, InzageQuery query) => new()
    {
        NextPageToken = page.NextPageToken is null ? "" : InzagePageToken.Create(page.NextPageToken, query.Fingerprint),
    };
}
