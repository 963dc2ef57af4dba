using Interop.Contracts.V1;
using Interop.Federation.Registry;
using OrganisationKind = Interop.Federation.Registry.OrganisationKind;
using Interop.Federation.Storage;
using Interop.Grpc.Client;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests;

/// <summary>
/// One hub shared by the Directory tests (each start costs a second or two), with a registry of one partner of every
/// registry kind (three accepting referrals for some leefgebieden), a few more gemeenten, one disabled partner, and two clients of gemeente Enschede: one holding
/// directory.read and one holding only status.read.
/// </summary>
public sealed class DirectoryHubFixture : IAsyncLifetime
{
    /// <summary>The calling organisation: gemeente Enschede.</summary>
    public const string CallerOin = "00000001001234567000";

    /// <summary>A partner registered but disabled.</summary>
    public const string DisabledOin = "00000003990000000001";

    private HubProcess? _hub;

    /// <summary>The enabled partners as registered, ordered by OIN.</summary>
    public IReadOnlyList<Organisation> Enabled { get; private set; } = [];

    public HubProcess Hub => _hub ?? throw new InvalidOperationException("Not started.");

    /// <summary>A client with directory.read.</summary>
    public HubPartnerClient Reader { get; private set; } = null!;

    /// <summary>A client with status.read only.</summary>
    public HubPartnerClient StatusOnly { get; private set; } = null!;

    /// <summary>A channel without any token.</summary>
    public GrpcChannel Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _hub = await HubProcess.StartAsync();
        var organisations = new List<Organisation>
        {
            new(CallerOin, "Gemeente Enschede", OrganisationKind.Gemeente, "RMC38") { ReferralLeefgebieden = [Leefgebied.WerkEnInkomen, Leefgebied.Zorg], AcceptsHandovers = true },
            new("00000001001234568000", "Gemeente Hengelo", OrganisationKind.Gemeente, "RMC38"),
            new("00000001002000000000", "Gemeente Almelo", OrganisationKind.Gemeente, "RMC39"),
            new("00000001823288444000", "ROC van Twente", OrganisationKind.Roc, "RMC38") { ReferralLeefgebieden = [Leefgebied.Onderwijs] },
            new("00000001003000000000", "RMC Twente", OrganisationKind.Rmc, "RMC38"),
            new("00000009000000000101", "Mediant", OrganisationKind.Zorgaanbieder, null) { ReferralLeefgebieden = [Leefgebied.Zorg], AcceptsHandovers = true },
            new("00000009000000000102", "Jeugdhulp Twente", OrganisationKind.Jeugdhulp, "RMC38"),
            new("00000001004000000000", "UWV", OrganisationKind.Uwv, null),
            new("00000001005000000000", "Schuldhulp Twente", OrganisationKind.Schuldhulp, "RMC38"),
            new("00000001006000000000", "Domijn", OrganisationKind.Woningcorporatie, "RMC38"),
            new("00000099000000000001", "Hub regio Achterhoek", OrganisationKind.Hub, null),
        };
        var store = Hub.Registry;
        foreach (var organisation in organisations)
        {
            await store.AddOrganisationAsync(organisation);
        }

        await store.AddOrganisationAsync(new Organisation(DisabledOin, "Vertrokken partner", OrganisationKind.Gemeente, "RMC38", Enabled: false) { ReferralLeefgebieden = [Leefgebied.Zorg] });
        Enabled = organisations.OrderBy(o => o.Oin, StringComparer.Ordinal).ToList();

        Reader = await HubPartnerClient.RegisterAsync(Hub, CallerOin, "enschede-portal", "directory.read");
        StatusOnly = await HubPartnerClient.RegisterAsync(Hub, CallerOin, "enschede-status", "status.read");
        Anonymous = GrpcChannel.ForAddress(Hub.GrpcAddress);
    }

    public async Task DisposeAsync()
    {
        Anonymous?.Dispose();
        Reader?.Dispose();
        StatusOnly?.Dispose();
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }
}
