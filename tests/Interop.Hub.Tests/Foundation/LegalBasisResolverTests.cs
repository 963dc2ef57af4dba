using Dapper;
using Interop.Contracts.V1;
using Interop.Hub.LegalBasis;
using Interop.Hub.Storage;
using Interop.Hub.Tests.Infrastructure;
using Interop.ProcessingLog;
using Microsoft.Extensions.Options;

namespace Interop.Hub.Tests.Foundation;

using LegalBasis = Interop.Contracts.V1.LegalBasis;

/// <summary>Consent or statutory task, and the most specific reason when neither covers an exchange.</summary>
public abstract class LegalBasisResolverTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Subject = "p1:jongere";
    private const string Enschede = "00000001001234567000";
    private const string Hengelo = "00000001001234568000";
    private const string Purpose = "zorg-en-ondersteuning";

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly LegalBasisResolver _resolver = new(Options.Create(new LegalBasisOptions
    {
        Purposes = { [Purpose] = "Zorg.", ["begeleiding-naar-onderwijs-of-werk"] = "School of werk." },
        StatutoryTasks =
        {
            new StatutoryTaskOptions
            {
                Code = "rmc-vsv", LegalReference = "WEB art. 8.3.1", OrganisationKinds = { OrganisationKind.Rmc },
                Purposes = { "begeleiding-naar-onderwijs-of-werk" }, Leefgebieden = { Leefgebied.Onderwijs, Leefgebied.WerkEnInkomen },
                DataCategories = { DataCategory.Identifying, DataCategory.Involvement },
            },
        },
    }));

    private TestDatabase _test = null!;

    public async Task InitializeAsync() => _test = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _test.DisposeAsync();

    [Fact]
    public async Task A_statutory_task_covers_its_kind_purpose_leefgebieden_and_categories_without_consent()
    {
        var decision = await DecideAsync(Query("00000001003000000000", OrganisationKind.Rmc, "begeleiding-naar-onderwijs-of-werk", [Leefgebied.Onderwijs], [DataCategory.Involvement]));

        Assert.True(decision.Permitted);
        Assert.Equal(ProcessingLegalBasis.StatutoryTask("rmc-vsv"), decision.Basis);
        Assert.Equal("WEB art. 8.3.1", decision.ContractBasis!.StatutoryTask.LegalReference);
    }

    [Theory]
    [InlineData(OrganisationKind.Gemeente, Leefgebied.Onderwijs, DataCategory.Involvement)]
    [InlineData(OrganisationKind.Rmc, Leefgebied.Zorg, DataCategory.Involvement)]
    [InlineData(OrganisationKind.Rmc, Leefgebied.Onderwijs, DataCategory.Health)]
    public async Task A_claimed_statutory_task_outside_its_kind_leefgebieden_or_categories_is_no_legal_basis(OrganisationKind kind, Leefgebied leefgebied, DataCategory category)
    {
        var query = Query("00000001003000000000", kind, "begeleiding-naar-onderwijs-of-werk", [leefgebied], [category]) with
        {
            Claimed = new Contracts.V1.LegalBasis { StatutoryTask = new StatutoryTask { Code = "rmc-vsv" } },
        };

        var decision = await DecideAsync(query);

        Assert.False(decision.Permitted);
        Assert.Equal(WithheldReason.NoLegalBasis, decision.WithheldReason);
        Assert.Equal(ProcessingLegalBasis.None, decision.Basis);
    }

    [Fact]
    public async Task Without_any_consent_the_reason_is_no_consent()
    {
        var decision = await DecideAsync(Query(Enschede, OrganisationKind.Gemeente, Purpose, [Leefgebied.Zorg], [DataCategory.Case]));
        Assert.Equal(WithheldReason.NoConsent, decision.WithheldReason);
    }

    [Fact]
    public async Task A_consent_naming_the_organisation_covers_and_reports_its_end()
    {
        var until = Now.AddDays(30);
        await InsertConsentAsync("c-1", granteeOin: Enschede, leefgebieden: [Leefgebied.Zorg, Leefgebied.Wonen], categories: [DataCategory.Case, DataCategory.Contact], validUntil: until);

        var decision = await DecideAsync(Query(Enschede, OrganisationKind.Gemeente, Purpose, [Leefgebied.Zorg], [DataCategory.Case]));

        Assert.True(decision.Permitted);
        Assert.Equal(ProcessingLegalBasis.Consent("c-1"), decision.Basis);
        Assert.Equal("c-1", decision.ContractBasis!.ConsentId);
        Assert.Equal(until, decision.ValidUntil);

        var other = await DecideAsync(Query(Hengelo, OrganisationKind.Gemeente, Purpose, [Leefgebied.Zorg], [DataCategory.Case]));
        Assert.Equal(WithheldReason.NoConsent, other.WithheldReason);
    }

    [Theory]
    [InlineData("RMC38", true)]
    [InlineData("RMC39", false)]
    public async Task A_consent_for_a_kind_within_a_region_covers_only_that_region(string region, bool permitted)
    {
        await InsertConsentAsync("c-kind", granteeKind: OrganisationKind.Gemeente, granteeRegion: "RMC38", leefgebieden: [Leefgebied.Zorg], categories: [DataCategory.Case]);

        var decision = await DecideAsync(Query(Hengelo, OrganisationKind.Gemeente, Purpose, [Leefgebied.Zorg], [DataCategory.Case]) with { RmcRegion = region });

        Assert.Equal(permitted, decision.Permitted);
    }

    [Fact]
    public async Task Another_purpose_leefgebied_or_category_is_outside_the_consent()
    {
        await InsertConsentAsync("c-2", granteeOin: Enschede, leefgebieden: [Leefgebied.Zorg], categories: [DataCategory.Case, DataCategory.Contact]);

        Assert.Equal(WithheldReason.OutsideConsent, (await DecideAsync(Query(Enschede, OrganisationKind.Gemeente, "begeleiding-naar-onderwijs-of-werk", [Leefgebied.Zorg], [DataCategory.Case]))).WithheldReason);
        Assert.Equal(WithheldReason.OutsideConsent, (await DecideAsync(Query(Enschede, OrganisationKind.Gemeente, Purpose, [Leefgebied.Wonen], [DataCategory.Case]))).WithheldReason);
        var partly = await DecideAsync(Query(Enschede, OrganisationKind.Gemeente, Purpose, [Leefgebied.Zorg], [DataCategory.Case, DataCategory.Financial]));
        Assert.Equal(WithheldReason.OutsideConsent, partly.WithheldReason);
        Assert.Equal([DataCategory.Case], partly.PermittedCategories);
    }

    [Fact]
    public async Task Health_data_needs_a_consent_that_names_it()
    {
        await InsertConsentAsync("c-3", granteeOin: Enschede, leefgebieden: [Leefgebied.Zorg], categories: [DataCategory.Case]);

        var decision = await DecideAsync(Query(Enschede, OrganisationKind.Gemeente, Purpose, [Leefgebied.Zorg], [DataCategory.Case, DataCategory.Health]));

        Assert.False(decision.Permitted);
        Assert.Equal(WithheldReason.SpecialCategory, decision.WithheldReason);
    }

    [Fact]
    public async Task A_revoked_consent_no_longer_covers_and_says_so()
    {
        await InsertConsentAsync("c-4", granteeOin: Enschede, leefgebieden: [Leefgebied.Zorg], categories: [DataCategory.Case], revokeTime: Now.AddMinutes(-1));

        var decision = await DecideAsync(Query(Enschede, OrganisationKind.Gemeente, Purpose, [Leefgebied.Zorg], [DataCategory.Case]));

        Assert.Equal(WithheldReason.ConsentRevoked, decision.WithheldReason);
    }

    [Theory]
    [InlineData(-10, -1)]
    [InlineData(1, 10)]
    public async Task An_expired_or_not_yet_valid_consent_is_not_valid(int fromDays, int untilDays)
    {
        await InsertConsentAsync("c-5", granteeOin: Enschede, leefgebieden: [Leefgebied.Zorg], categories: [DataCategory.Case], validFrom: Now.AddDays(fromDays), validUntil: Now.AddDays(untilDays));

        var decision = await DecideAsync(Query(Enschede, OrganisationKind.Gemeente, Purpose, [Leefgebied.Zorg], [DataCategory.Case]));

        Assert.Equal(WithheldReason.ConsentNotValid, decision.WithheldReason);
    }

    [Fact]
    public async Task A_claimed_consent_of_another_jongere_or_grantee_does_not_count()
    {
        await InsertConsentAsync("c-6", granteeOin: Enschede, leefgebieden: [Leefgebied.Zorg], categories: [DataCategory.Case], subject: "p1:someone-else");
        await InsertConsentAsync("c-7", granteeOin: Hengelo, leefgebieden: [Leefgebied.Zorg], categories: [DataCategory.Case]);

        foreach (var id in new[] { "c-6", "c-7", "c-unknown" })
        {
            var decision = await DecideAsync(Query(Enschede, OrganisationKind.Gemeente, Purpose, [Leefgebied.Zorg], [DataCategory.Case]) with
            {
                Claimed = new Contracts.V1.LegalBasis { ConsentId = id },
            });
            Assert.False(decision.Permitted);
            Assert.Equal(WithheldReason.NoConsent, decision.WithheldReason);
        }
    }

    [Fact]
    public async Task Of_two_covering_consents_the_one_valid_longest_is_used()
    {
        await InsertConsentAsync("c-short", granteeOin: Enschede, leefgebieden: [Leefgebied.Zorg], categories: [DataCategory.Case], validUntil: Now.AddDays(1));
        await InsertConsentAsync("c-open", granteeOin: Enschede, leefgebieden: [Leefgebied.Zorg], categories: [DataCategory.Case]);

        var decision = await DecideAsync(Query(Enschede, OrganisationKind.Gemeente, Purpose, [Leefgebied.Zorg], [DataCategory.Case]));

        Assert.Equal(ProcessingLegalBasis.Consent("c-open"), decision.Basis);
        Assert.Null(decision.ValidUntil);
    }

    private static BasisQuery Query(string oin, OrganisationKind kind, string purpose, Leefgebied[] leefgebieden, DataCategory[] categories) =>
        new(Subject, oin, kind, "RMC38", purpose, leefgebieden, categories);

    private Task<BasisDecision> DecideAsync(BasisQuery query) =>
        _test.Database.ReadAsync((c, ct) => _resolver.DecideAsync(c, null, query, Now, ct), CancellationToken.None);

    private Task InsertConsentAsync(
        string id,
        Leefgebied[] leefgebieden,
        DataCategory[] categories,
        string? granteeOin = null,
        OrganisationKind? granteeKind = null,
        string? granteeRegion = null,
        DateTimeOffset? validFrom = null,
        DateTimeOffset? validUntil = null,
        DateTimeOffset? revokeTime = null,
        string subject = Subject) =>
        _test.Database.WriteAsync(context => context.ExecuteAsync(
            "INSERT INTO consent (consent_id, subject_pseudonym, grantee_oin, grantee_kind, grantee_region, purpose_code, leefgebied_mask, category_mask, " +
            "valid_from, valid_until, recorded_by_oin, record_time, revoke_time, revoked_by_oin, details) VALUES (@id, @subject, @granteeOin, @granteeKind, " +
            "@granteeRegion, @purpose, @leefgebieden, @categories, @validFrom, @validUntil, @recordedBy, @recordTime, @revokeTime, NULL, 'x')",
            new
            {
                id,
                subject,
                granteeOin,
                granteeKind = (short?)granteeKind,
                granteeRegion,
                purpose = Purpose,
                leefgebieden = EnumMask.Of(leefgebieden),
                categories = EnumMask.Of(categories),
                validFrom = HubTime.ToStored(validFrom ?? Now.AddDays(-1)),
                validUntil = HubTime.ToStored(validUntil),
                recordedBy = Enschede,
                recordTime = HubTime.ToStored(Now.AddDays(-1)),
                revokeTime = HubTime.ToStored(revokeTime),
            }), CancellationToken.None);
}

public sealed class LegalBasisResolverOnSqliteTests() : LegalBasisResolverTests(StorageProvider.Sqlite);

public sealed class LegalBasisResolverOnPostgreSqlTests() : LegalBasisResolverTests(StorageProvider.PostgreSql);
