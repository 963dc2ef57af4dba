using Interop.Contracts.V1;
using Interop.Federation.Registry;
using Interop.Hub.JongereStatus;
using Interop.Hub.LegalBasis;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Storage;
using Interop.Hub.Tests.Handovers;
using Microsoft.Extensions.Options;
using OrganisationKind = Interop.Federation.Registry.OrganisationKind;

namespace Interop.Hub.Tests.JongereStatus;

/// <summary>
/// The builder decides every part in the write (what the processing log records) and renders the answer after it:
/// the rendered answer must show exactly what was decided, and cannot be rendered undecided.
/// </summary>
public class StatusAnswerBuilderTests
{
    private const string Pseudonym = "p1:jongere";
    private const string Caller = "00000001001234567000";
    private const string Other = "00000003001234567000";
    private const string Purpose = "zorg-en-ondersteuning";

    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static readonly LegalBasisResolver Resolver = new(Options.Create(new LegalBasisOptions { Purposes = { [Purpose] = "Zorg." } }));

    [Fact]
    public async Task WithConsentForEverything_EveryPartVisible_AndTheDisclosureCoversEveryVisiblePart()
    {
        var builder = Builder(ConsentForEverything());

        var disclosure = builder.Decide();
        var answer = await builder.BuildAsync(Now);

        var parts = Disclosures(answer).ToList();
        Assert.All(parts, p => Assert.Equal(Visibility.Visible, p.Disclosure.Visibility));
        var (basis, categories) = Assert.Single(disclosure.Disclosed);
        Assert.Equal("consent-1", basis.Value);
        Assert.Superset(
            parts.SelectMany(p => StatusPartCategories.Of(p.Descriptor)).Append(DataCategory.Pseudonym).ToHashSet(),
            categories.ToHashSet());
        Assert.Subset(categories.ToHashSet(), parts.SelectMany(p => StatusPartCategories.Of(p.Descriptor)).ToHashSet());
        Assert.True(disclosure.RevealSubjectRef);
        Assert.Equal(Other, Assert.Single(answer.Involvements.Involvements).Organisation.Oin);
    }

    [Fact]
    public async Task WithoutBasis_NothingVisible_NothingDisclosed_OtherOrganisationsLeftOut()
    {
        var builder = Builder([]);

        var disclosure = builder.Decide();
        var answer = await builder.BuildAsync(Now);

        Assert.All(Disclosures(answer), p => Assert.Equal(Visibility.Withheld, p.Disclosure.Visibility));
        Assert.Empty(disclosure.Disclosed);
        Assert.False(disclosure.RevealSubjectRef);
        Assert.Empty(answer.Involvements.Involvements);
        Assert.All(answer.Leefgebieden, l => Assert.Empty(l.Organisations));
    }

    [Fact]
    public async Task BuildBeforeDecide_OrDecideTwice_Throws()
    {
        var builder = Builder(ConsentForEverything());
        await Assert.ThrowsAsync<InvalidOperationException>(() => builder.BuildAsync(Now));

        builder.Decide();
        Assert.Throws<InvalidOperationException>(() => builder.Decide());
    }

    private static StatusAnswerBuilder Builder(IReadOnlyList<ConsentRow> consents)
    {
        var snapshot = new JongereSnapshot(
            Pseudonym, Known: true, CallerRefIssued: true,
            [new InvolvementRow { SubjectPseudonym = Pseudonym, OrganisationOin = Other, LeefgebiedMask = LeefgebiedMask.Bit(Leefgebied.Zorg), SinceTime = 1 }],
            [], [], null);
        var decisions = new StatusDecisions(Resolver, new SubjectConsents(Pseudonym, consents), new BasisQuery(Pseudonym, Caller, Contracts.V1.OrganisationKind.Gemeente, null, Purpose, [], []), Now);
        var partners = new PartnerLookup(new StubPartnerStore(new Organisation(Other, "Zorgaanbieder", OrganisationKind.Zorgaanbieder, null)), TimeProvider.System);
        return new StatusAnswerBuilder(snapshot, decisions, partners, Caller, CancellationToken.None);
    }

    private static ConsentRow[] ConsentForEverything() =>
    [
        new ConsentRow
        {
            ConsentId = "consent-1", SubjectPseudonym = Pseudonym, GranteeOin = Caller, PurposeCode = Purpose,
            LeefgebiedMask = EnumMask.Of(LeefgebiedMask.All), CategoryMask = EnumMask.Of(Enum.GetValues<DataCategory>().Where(c => c != DataCategory.Unspecified)),
            ValidFrom = HubTime.ToStored(Now.AddDays(-1)),
        },
    ];

    private static IEnumerable<(Google.Protobuf.Reflection.MessageDescriptor Descriptor, Disclosure Disclosure)> Disclosures(GetJongereStatusResponse answer) =>
        new (Google.Protobuf.Reflection.MessageDescriptor, Disclosure)[]
        {
            (KnownPart.Descriptor, answer.Known.Disclosure), (InvolvementsPart.Descriptor, answer.Involvements.Disclosure),
            (RegisseurPart.Descriptor, answer.Regisseur.Disclosure), (OpenReferralsPart.Descriptor, answer.OpenReferrals.Disclosure),
            (OpenHandoversPart.Descriptor, answer.OpenHandovers.Disclosure),
        }.Concat(answer.Leefgebieden.Select(l => (LeefgebiedStatus.Descriptor, l.Disclosure)));
}
