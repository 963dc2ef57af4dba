using Interop.Contracts.V1;

namespace Interop.ProcessingLog.Tests.Infrastructure;

/// <summary>Sample processing records (synthetic OINs in the 00000099 test range, made-up pseudonyms).</summary>
internal static class Records
{
    public const string GemeenteOin = "00000099000000000001";
    public const string RocOin = "00000099000000000002";
    public const string HubOin = "00000099000000000000";

    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 30, 0, 123, TimeSpan.Zero);

    public static ProcessingLogRecord Read(string subject = "sub-aaaa", string requester = GemeenteOin, int n = 0) => new()
    {
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
        SpanId = "00f067aa0ba902b7",
        ParentSpanId = "a3ce929d0e0e4736",
        ProcessingActivityId = "interop.status.get",
        Operation = "/interop.v1.StatusService/GetStatus",
        Action = ProcessingAction.Read,
        PurposeCode = "begeleiding-naar-onderwijs-of-werk",
        LegalBasis = ProcessingLegalBasis.Consent("consent-" + n),
        RequestingOrganisationOin = requester,
        ExecutingOrganisationOin = HubOin,
        DataSubjectRef = subject,
        DataCategories = [DataCategory.Pseudonym, DataCategory.Involvement],
        Status = ProcessingStatus.Ok,
        StartTime = Start.AddSeconds(n),
        EndTime = Start.AddSeconds(n).AddMilliseconds(7),
        Vertrouwelijkheid = Vertrouwelijkheid.Normaal,
        Bewaartermijn = "P5Y",
    };
}
