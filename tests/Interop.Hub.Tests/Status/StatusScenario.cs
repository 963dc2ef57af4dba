using Interop.Contracts.V1;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.JongereStatus;

using LegalBasis = Interop.Contracts.V1.LegalBasis;

/// <summary>Calls and set-ups the status tests share.</summary>
public static class StatusScenario
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public const string Onderwijs = "begeleiding-naar-onderwijs-of-werk";
    public const string Zorg = "zorg-en-ondersteuning";

    public static LegalBasis Task(string code) => new() { StatutoryTask = new StatutoryTask { Code = code } };

    public static Subject Bsn(string bsn) => new() { Bsn = bsn };

    public static async Task<StatusService.StatusServiceClient> ClientAsync(TwenteHubFixture fixture, string oin) =>
        new((await fixture.ClientAsync(oin)).CallInvoker);

    public static async Task<Involvement> RegisterAsync(TwenteHubFixture fixture, string oin, string bsn, LegalBasis basis, params Leefgebied[] leefgebieden)
    {
        var request = new RegisterInvolvementRequest { Subject = Bsn(bsn), LegalBasis = basis };
        request.Leefgebieden.AddRange(leefgebieden);
        return await (await ClientAsync(fixture, oin)).RegisterInvolvementAsync(request).ResponseAsync.WaitAsync(CallTimeout);
    }

    public static async Task<GetJongereStatusResponse> StatusAsync(TwenteHubFixture fixture, string oin, Subject subject, string purpose) =>
        await (await ClientAsync(fixture, oin)).GetJongereStatusAsync(new GetJongereStatusRequest { Subject = subject, Purpose = new Purpose { Code = purpose } }).ResponseAsync.WaitAsync(CallTimeout);

    /// <summary>
    /// A jongere the hub knows: Gemeente Enschede registered its leerplicht involvement (onderwijs). Returns the BSN
    /// and the hub's pseudonym (found through Enschede's subject_ref).
    /// </summary>
    public static async Task<(string Bsn, string Pseudonym)> KnownJongereAsync(TwenteHubFixture fixture)
    {
        var bsn = TestBsn.Next();
        await RegisterAsync(fixture, Twente.Enschede, bsn, Task("leerplicht"), Leefgebied.Onderwijs);
        var status = await StatusAsync(fixture, Twente.Enschede, Bsn(bsn), Onderwijs);
        Assert.NotEmpty(status.SubjectRef);
        return (bsn, await new StatusTables(fixture.Hub).PseudonymAsync(Twente.Enschede, status.SubjectRef));
    }
}
