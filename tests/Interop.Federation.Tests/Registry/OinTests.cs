using Interop.Federation.Registry;

namespace Interop.Federation.Tests.Registry;

public sealed class OinTests
{
    [Theory]
    [InlineData("00000001001234567000")]
    [InlineData("00000003273140010000")]
    [InlineData("00000004000000001000")]
    [InlineData("00000007000000025000")]
    [InlineData("00000009123456780000")]
    [InlineData("00000099000000000001")]
    public void Oin_KnownPrefixTwentyDigits_IsValid(string oin) => Assert.True(Oin.IsValid(oin));

    [Theory]
    [InlineData("")]
    [InlineData("0000000100123456700")]
    [InlineData("000000010012345670001")]
    [InlineData("0000000100123456700A")]
    [InlineData("00000002001234567000")]
    [InlineData("12345678901234567890")]
    [InlineData("０0000001001234567000")]
    public void Oin_Malformed_IsInvalid(string oin) => Assert.False(Oin.IsValid(oin));

    [Theory]
    [InlineData("gemeente", OrganisationKind.Gemeente)]
    [InlineData("woningcorporatie", OrganisationKind.Woningcorporatie)]
    [InlineData("HUB", OrganisationKind.Hub)]
    public void Kind_WireName_Parses(string name, OrganisationKind expected)
    {
        Assert.True(OrganisationKinds.TryParse(name, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("bank")]
    [InlineData("")]
    public void Kind_Unknown_Refused(string name) => Assert.False(OrganisationKinds.TryParse(name, out _));
}
