using Interop.Contracts.V1;
using Interop.Federation.Grpc;
using Interop.Grpc;
using Interop.ProcessingLog;

namespace Interop.Hub.Calls;

/// <summary>
/// One authenticated call as the services see it: who calls (from the token), the W3C trace it belongs to (the
/// caller's <c>traceparent</c> header, or a new trace when it sent none or a malformed one), when it started, and how
/// to write the processing record of what it did.
/// </summary>
internal sealed class HubCall
{
    private HubCall(HubCaller caller, string method, TraceContext trace, string parentSpanId, DateTimeOffset startTime)
    {
        Caller = caller;
        Method = method;
        Trace = trace;
        ParentSpanId = parentSpanId;
        StartTime = startTime;
    }

    /// <summary>The authenticated caller.</summary>
    public HubCaller Caller { get; }

    /// <summary>The caller's OIN (the requesting organisation, afnemer).</summary>
    public string CallerOin => Caller.Oin;

    /// <summary>The full gRPC method name.</summary>
    public string Method { get; }

    /// <summary>The trace of this call: the caller's trace id with a new span for the hub's handling.</summary>
    public TraceContext Trace { get; }

    /// <summary>The caller's span id from its traceparent, or empty.</summary>
    public string ParentSpanId { get; }

    /// <summary>When the hub started handling the call.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>The call of <paramref name="context"/>; throws if it has no authenticated caller.</summary>
    public static HubCall From(ServerCallContext context, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = context.GetHubCaller();
        var header = context.RequestHeaders.GetValue("traceparent");
        var (trace, parent) = TraceContext.TryParse(header, out var incoming)
            ? (incoming.NewChild(), incoming.SpanId)
            : (TraceContext.NewTrace(), "");
        return new HubCall(caller, context.Method, trace, parent, time.GetUtcNow());
    }

    /// <summary>
    /// The processing record of one processing of one jongere's data in this call, ending at <paramref name="endTime"/>.
    /// Each record gets its own span (a child of the call's).
    /// </summary>
    public ProcessingLogRecord Record(
        ProcessingActivity activity,
        ProcessingAction action,
        string purposeCode,
        ProcessingLegalBasis legalBasis,
        string subjectPseudonym,
        IReadOnlyList<DataCategory> dataCategories,
        DateTimeOffset endTime,
        ProcessingStatus status = ProcessingStatus.Ok) => new()
        {
            TraceId = Trace.TraceId,
            SpanId = Trace.NewChild().SpanId,
            ParentSpanId = Trace.SpanId,
            ProcessingActivityId = activity.Id,
            Operation = Method,
            Action = action,
            PurposeCode = purposeCode,
            LegalBasis = legalBasis,
            RequestingOrganisationOin = CallerOin,
            DataSubjectRef = subjectPseudonym,
            DataCategories = dataCategories,
            Status = status,
            StartTime = StartTime,
            EndTime = endTime < StartTime ? StartTime : endTime,
            Vertrouwelijkheid = activity.Vertrouwelijkheid,
            Bewaartermijn = activity.Bewaartermijn,
        };

    /// <summary>
    /// The processing record of a disclosure (verstrekking) this call makes to an organisation other than the one
    /// that asked for it, such as a notification it queues: <paramref name="recipientOin"/> receives the data
    /// (afnemer), and <paramref name="sourceOin"/> is the organisation whose data it is (uitvoerder). So the jongere's
    /// inzage names everyone who learned something, not only the callers.
    /// </summary>
    public ProcessingLogRecord Disclosure(
        string recipientOin,
        string sourceOin,
        ProcessingActivity activity,
        string purposeCode,
        ProcessingLegalBasis legalBasis,
        string subjectPseudonym,
        IReadOnlyList<DataCategory> dataCategories,
        DateTimeOffset endTime) =>
        Record(activity, ProcessingAction.Disclose, purposeCode, legalBasis, subjectPseudonym, dataCategories, endTime) with
        {
            RequestingOrganisationOin = recipientOin,
            ExecutingOrganisationOin = sourceOin,
        };
}
