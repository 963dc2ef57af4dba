using Interop.Contracts.V1;
using Interop.Grpc;

namespace Interop.Hub.Tests.Scenarios;

using LegalBasis = Interop.Contracts.V1.LegalBasis;

/// <summary>The requests the scenarios send, filled as a partner's system would fill them.</summary>
public static class ScenarioRequests
{
    public const string Zorg = "zorg-en-ondersteuning";
    public const string Onderwijs = "begeleiding-naar-onderwijs-of-werk";

    /// <summary>Every category a zorg referral or status answer carries.</summary>
    public static readonly DataCategory[] ZorgCategories =
    [
        DataCategory.Bsn, DataCategory.Identifying, DataCategory.Contact, DataCategory.Pseudonym, DataCategory.Involvement,
        DataCategory.Case, DataCategory.Health,
    ];

    /// <summary>
    /// The jongere's consent, recorded by <paramref name="recorder"/>, for <paramref name="granteeOin"/> to receive data
    /// on zorg (and <paramref name="alsoOn"/>) for the zorg purpose.
    /// </summary>
    public static async Task<Contracts.V1.Consent> RegisterZorgConsentAsync(CallInvoker recorder, string bsn, string granteeOin, params Leefgebied[] alsoOn)
    {
        var request = new RegisterConsentRequest
        {
            Subject = new Subject { Bsn = bsn },
            Grantee = new ConsentGrantee { OrganisationOin = granteeOin },
            Purpose = new Purpose { Code = Zorg },
            Leefgebieden = { Leefgebied.Zorg },
            GivenBy = ConsentGiver.Subject,
            Evidence = new ConsentEvidence { Kind = ConsentEvidenceKind.SignedForm, Reference = "formulier-2026-118" },
            RecordedByProfessional = "mentor-kees",
        };
        request.DataCategories.AddRange(ZorgCategories);
        request.Leefgebieden.AddRange(alsoOn);
        return await new ConsentService.ConsentServiceClient(recorder).RegisterConsentAsync(request);
    }

    /// <summary>A zorg referral from the caller to <paramref name="receiverOin"/>, resting on <paramref name="consentId"/>.</summary>
    public static SubmitReferralRequest ZorgReferral(string bsn, string receiverOin, string consentId, string? idempotencyKey = null) => new()
    {
        IdempotencyKey = idempotencyKey ?? Guid.NewGuid().ToString("N"),
        ReceiverOin = receiverOin,
        Subject = new Subject { Bsn = bsn },
        Person = new PersonDetails { GivenName = "Sam", FamilyName = "Voorbeeld", BirthDate = "2008-03-14" },
        Leefgebieden = { Leefgebied.Zorg },
        Reason = "Student misses lessons; signs of stress at home. Needs support.",
        Urgency = Urgency.Regular,
        LegalBasis = new LegalBasis { ConsentId = consentId },
        Purpose = new Purpose { Code = Zorg },
        SenderReference = "dossier-4711",
    };

    /// <summary>Registers the caller's involvement on a statutory task.</summary>
    public static Task<Involvement> RegisterInvolvementAsync(CallInvoker caller, string bsn, string statutoryTask, params Leefgebied[] leefgebieden)
    {
        var request = new RegisterInvolvementRequest
        {
            Subject = new Subject { Bsn = bsn },
            LegalBasis = new LegalBasis { StatutoryTask = new StatutoryTask { Code = statutoryTask } },
        };
        request.Leefgebieden.AddRange(leefgebieden);
        return new StatusService.StatusServiceClient(caller).RegisterInvolvementAsync(request).ResponseAsync;
    }

    /// <summary>The caller's status query about the jongere, for the zorg purpose.</summary>
    public static Task<GetJongereStatusResponse> ZorgStatusAsync(CallInvoker caller, string bsn) =>
        new StatusService.StatusServiceClient(caller).GetJongereStatusAsync(new GetJongereStatusRequest
        {
            Subject = new Subject { Bsn = bsn },
            Purpose = new Purpose { Code = Zorg },
        }).ResponseAsync;
}
