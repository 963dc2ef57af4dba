using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Consent;

/// <summary>Valid consent requests to vary, and the calls the consent tests share.</summary>
public static class ConsentRequests
{
    /// <summary>A purpose in the hub's register that no statutory task of the default configuration holds.</summary>
    public const string RegisteredPurpose = "zorg-en-ondersteuning";

    /// <summary>Another purpose in the hub's register that no statutory task holds.</summary>
    public const string OtherPurpose = "schuldhulpverlening";

    /// <summary>Bounds every await: a hang fails the test instead of stalling the run.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A valid request: <paramref name="bsn"/> consents to <paramref name="granteeOin"/> receiving case data on zorg.</summary>
    public static RegisterConsentRequest Register(string bsn, string granteeOin) => new()
    {
        Subject = new Subject { Bsn = bsn },
        Grantee = new ConsentGrantee { OrganisationOin = granteeOin },
        Purpose = new Purpose { Code = RegisteredPurpose },
        Leefgebieden = { Leefgebied.Zorg },
        DataCategories = { DataCategory.Case },
        GivenBy = ConsentGiver.Subject,
        Evidence = new ConsentEvidence { Kind = ConsentEvidenceKind.SignedForm, Reference = "DOC-2026-0042" },
        RecordedByProfessional = "MW-1234",
    };

    /// <summary>A valid request granting every organisation of <paramref name="kind"/> (in <paramref name="region"/>, when given).</summary>
    public static RegisterConsentRequest RegisterForKind(string bsn, OrganisationKind kind, string region = "")
    {
        var request = Register(bsn, Twente.Zorgaanbieder);
        request.Grantee = new ConsentGrantee { OrganisationKind = kind, RmcRegion = region };
        return request;
    }

    /// <summary>A check of <paramref name="bsn"/>'s case data on zorg for the register's purpose.</summary>
    public static CheckConsentRequest Check(string bsn, string granteeOin = "", params DataCategory[] categories) => new()
    {
        Subject = new Subject { Bsn = bsn },
        GranteeOin = granteeOin,
        Purpose = new Purpose { Code = RegisteredPurpose },
        Leefgebied = Leefgebied.Zorg,
        DataCategories = { categories.Length == 0 ? [DataCategory.Case] : categories },
    };

    /// <summary>A timestamp <paramref name="offset"/> from now.</summary>
    public static Timestamp FromNow(TimeSpan offset) => Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow + offset);

    /// <summary>The consent service as <paramref name="client"/>'s organisation.</summary>
    public static ConsentService.ConsentServiceClient Service(HubPartnerClient client) => new(client.CallInvoker);

    /// <summary>Registers <paramref name="request"/> as <paramref name="client"/>.</summary>
    public static Task<Contracts.V1.Consent> RegisterAsync(this HubPartnerClient client, RegisterConsentRequest request) =>
        Service(client).RegisterConsentAsync(request).ResponseAsync.WaitAsync(Timeout);

    /// <summary>Checks <paramref name="request"/> as <paramref name="client"/>.</summary>
    public static Task<CheckConsentResponse> CheckAsync(this HubPartnerClient client, CheckConsentRequest request) =>
        Service(client).CheckConsentAsync(request).ResponseAsync.WaitAsync(Timeout);

    /// <summary>Revokes <paramref name="consentId"/> as <paramref name="client"/>.</summary>
    public static Task<Contracts.V1.Consent> RevokeAsync(this HubPartnerClient client, string consentId, string professional = "MW-5678") =>
        Service(client).RevokeConsentAsync(new RevokeConsentRequest { ConsentId = consentId, RevokedByProfessional = professional }).ResponseAsync.WaitAsync(Timeout);

    /// <summary>Lists as <paramref name="client"/>.</summary>
    public static Task<ListConsentsResponse> ListAsync(this HubPartnerClient client, ListConsentsRequest request) =>
        Service(client).ListConsentsAsync(request).ResponseAsync.WaitAsync(Timeout);

    /// <summary>Lists <paramref name="bsn"/>'s consents as <paramref name="client"/> (one page of up to 500).</summary>
    public static Task<ListConsentsResponse> ListAsync(this HubPartnerClient client, string bsn, bool includeInactive = false) =>
        client.ListAsync(new ListConsentsRequest { Subject = new Subject { Bsn = bsn }, IncludeInactive = includeInactive, Page = new PageRequest { PageSize = 500 } });

    /// <summary>The failure of <paramref name="call"/>; fails the test when it succeeds.</summary>
    public static Task<RpcException> FailsAsync<T>(Func<Task<T>> call) => Assert.ThrowsAsync<RpcException>(async () => await call());

    /// <summary>Asserts INVALID_ARGUMENT whose BadRequest names exactly <paramref name="fields"/>.</summary>
    public static void AssertViolations(RpcException exception, params string[] fields)
    {
        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        var violations = RpcErrorDetails.GetBadRequest(exception).FieldViolations;
        Assert.All(violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
        Assert.Equal(fields.Order(StringComparer.Ordinal), violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }
}
