using System.Security.Cryptography;
using Dapper;
using Interop.Contracts.V1;
using Interop.Hub.Handovers;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Tests.Foundation;
using Interop.Hub.Tests.Infrastructure;
using Interop.Privacy;

namespace Interop.Hub.Tests.Handovers;

/// <summary>PlanReader, as the status service uses it: the current plan decrypted, the reader's subject_ref when issued.</summary>
public abstract class PlanReaderTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Pseudonym = "p1:jongere-reader";
    private const string PlanId = "0193a0a0-0000-7000-8000-000000000001";

    private readonly PlanContentProtector _protector = new(new PersonalDataProtector(1, new Dictionary<byte, byte[]> { [1] = RandomNumberGenerator.GetBytes(32) }));
    private TestDatabase _test = null!;

    public async Task InitializeAsync() => _test = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _test.DisposeAsync();

    [Fact]
    public async Task GetCurrentPlan_TwoVersions_ReturnsCurrentDecryptedWithReadersRef()
    {
        await using var connection = await _test.OpenAsync();
        await InsertVersionAsync(connection, 1, Twente.Jeugdhulp, "Ambulant team Oost");
        await InsertVersionAsync(connection, 2, Twente.Enschede, "Wmo-team Zuid");
        await connection.ExecuteAsync(
            "INSERT INTO plan (plan_id, subject_pseudonym, holder_oin, regisseur_oin, version, create_time, update_time) VALUES (@PlanId, @Pseudonym, @Oin, @Oin, 2, 10, 20)",
            new { PlanId, Pseudonym, Oin = Twente.Enschede });
        await connection.ExecuteAsync(
            "INSERT INTO subject_ref (organisation_oin, subject_ref, pseudonym) VALUES (@Oin, 'ref-of-rmc', @Pseudonym)", new { Oin = Twente.RmcTwente, Pseudonym });

        var plan = await Reader().GetCurrentPlanAsync(connection, null, Pseudonym, Twente.RmcTwente, CancellationToken.None);

        Assert.NotNull(plan);
        Assert.Equal(2, plan.Version);
        Assert.Equal(Twente.Enschede, plan.Holder.Oin);
        Assert.Equal("Gemeente Enschede", plan.Regisseur.Organisation.DisplayName);
        Assert.Equal("Wmo-team Zuid", plan.Regisseur.Team);
        Assert.Equal("+31534800000", plan.Regisseur.ContactPhoneNumber);
        Assert.Equal("ref-of-rmc", plan.Subject.SubjectRef);
        Assert.Single(plan.Goals);
    }

    [Fact]
    public async Task GetCurrentPlan_NoRefIssuedToReader_SubjectUnset_NoPlan_Null()
    {
        await using var connection = await _test.OpenAsync();
        await InsertVersionAsync(connection, 1, Twente.Jeugdhulp, "Ambulant team Oost");
        await connection.ExecuteAsync(
            "INSERT INTO plan (plan_id, subject_pseudonym, holder_oin, regisseur_oin, version, create_time, update_time) VALUES (@PlanId, @Pseudonym, @Oin, @Oin, 1, 10, 10)",
            new { PlanId, Pseudonym, Oin = Twente.Jeugdhulp });

        var plan = await Reader().GetCurrentPlanAsync(connection, null, Pseudonym, Twente.Hengelo, CancellationToken.None);
        var none = await Reader().GetCurrentPlanAsync(connection, null, "p1:someone-else", Twente.Hengelo, CancellationToken.None);

        Assert.NotNull(plan);
        Assert.Null(plan.Subject);
        Assert.Equal("Ambulant team Oost", plan.Regisseur.Team);
        Assert.Null(none);
    }

    private PlanReader Reader() =>
        new(new PlanMapping(new PartnerLookup(new StubPartnerStore([.. Twente.Partners]), TimeProvider.System), _protector));

    private Task InsertVersionAsync(System.Data.Common.DbConnection connection, long version, string oin, string team)
    {
        var content = new Plan
        {
            Regisseur = new Regisseur { Team = team, ContactPhoneNumber = "+31534800000" },
            Goals = { new PlanGoal { GoalId = "g1", Leefgebied = Leefgebied.Wonen, Description = "Wonen.", State = PlanGoalState.Open } },
        };
        return connection.ExecuteAsync(
            "INSERT INTO plan_version (plan_id, version, holder_oin, regisseur_oin, recorded_by_oin, record_time, content, regisseur_since) VALUES (@PlanId, @version, @oin, @oin, @oin, 10, @content, 10)",
            new { PlanId, version, oin, content = _protector.Protect(content, PlanId, version) });
    }
}
