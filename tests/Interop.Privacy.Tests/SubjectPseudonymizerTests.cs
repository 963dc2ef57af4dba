using System.Text.RegularExpressions;
using Interop.Privacy.Tests.Infrastructure;

namespace Interop.Privacy.Tests;

public partial class SubjectPseudonymizerTests
{
    private const string RocOin = "00000007123456780000";
    private const string GemeenteOin = "00000001001234567000";

    private static readonly Bsn Subject = Bsn.Parse("123456782");

    [GeneratedRegex("^p1:[A-Za-z0-9_-]{43}$")]
    private static partial Regex PseudonymFormat();

    [GeneratedRegex("^r1:[A-Za-z0-9_-]{43}$")]
    private static partial Regex SubjectRefFormat();

    [Fact]
    public void Pseudonymize_KnownAnswer_MatchesIndependentComputation()
    {
        // Computed outside .NET (Python hmac/hashlib): sub-key = HMAC(secret, "interop.v1/pseudonym" or
        // "interop.v1/subject-ref"), then HMAC(sub-key, BSN) or HMAC(sub-key, OIN + BSN), base64url without padding.
        // Stored pseudonyms depend on this exact construction: changing it orphans every match key.
        var pseudonymizer = new SubjectPseudonymizer(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        Assert.Equal("p1:LYLa0F0HKld9qRzcLPqpnVjcr8hyeovIww9xgn9_eDI", pseudonymizer.Pseudonymize(Subject));
        Assert.Equal("r1:9BlAASmoeVwvLvppYLUY9Mp7NZkf8hNPiGOYJaaUarI", pseudonymizer.SubjectRefFor(Subject, RocOin));
    }

    [Fact]
    public void Pseudonymize_ManyThreadsInterleaved_EachGetsTheSingleThreadedAnswer()
    {
        // Each thread keeps its own HMAC contexts; interleaving pseudonyms and refs on many threads must neither mix
        // state between them nor between the two sub-keys.
        var pseudonymizer = new SubjectPseudonymizer(TestKeys.Random32());
        var bsns = TestBsns.Many(seed: 3, count: 64).Select(Bsn.Parse).ToArray();
        var expected = bsns.Select(b => (pseudonymizer.Pseudonymize(b), pseudonymizer.SubjectRefFor(b, RocOin), pseudonymizer.SubjectRefFor(b, GemeenteOin))).ToArray();
        var fresh = new SubjectPseudonymizer(TestKeys.Random32());
        Parallel.For(0, 4_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var at = i % bsns.Length;
            Assert.Equal(expected[at], (pseudonymizer.Pseudonymize(bsns[at]), pseudonymizer.SubjectRefFor(bsns[at], RocOin), pseudonymizer.SubjectRefFor(bsns[at], GemeenteOin)));
            Assert.NotEqual(expected[at].Item1, fresh.Pseudonymize(bsns[at]));
        });
    }

    [Fact]
    public void Pseudonymize_SameBsnAndKey_IsDeterministic()
    {
        var key = TestKeys.Random32();
        Assert.Equal(new SubjectPseudonymizer(key).Pseudonymize(Subject), new SubjectPseudonymizer(key).Pseudonymize(Subject));
    }

    [Fact]
    public void Pseudonymize_OtherKey_Differs()
    {
        Assert.NotEqual(new SubjectPseudonymizer(TestKeys.Random32()).Pseudonymize(Subject),
            new SubjectPseudonymizer(TestKeys.Random32()).Pseudonymize(Subject));
    }

    [Fact]
    public void Pseudonymize_Format_IsVersionedFixedLengthBase64Url()
    {
        var pseudonymizer = new SubjectPseudonymizer(TestKeys.Random32());
        foreach (var value in TestBsns.Many(seed: 1, count: 200))
        {
            var pseudonym = pseudonymizer.Pseudonymize(Bsn.Parse(value));
            Assert.Matches(PseudonymFormat(), pseudonym);
            Assert.True(pseudonym.Length <= 64, "fits subject_ref's 64 characters");
            Assert.DoesNotContain(value, pseudonym);
        }
    }

    [Fact]
    public void Pseudonymize_DifferentBsns_NoCollisions()
    {
        var pseudonymizer = new SubjectPseudonymizer(TestKeys.Random32());
        var values = TestBsns.Many(seed: 2, count: 2_000).Distinct().ToList();
        Assert.Equal(values.Count, values.Select(v => pseudonymizer.Pseudonymize(Bsn.Parse(v))).Distinct().Count());
    }

    [Fact]
    public void Pseudonymize_KeyVersion_IsThePrefix()
    {
        var key = TestKeys.Random32();
        Assert.StartsWith("p7:", new SubjectPseudonymizer(key, keyVersion: 7).Pseudonymize(Subject));
        Assert.StartsWith("r7:", new SubjectPseudonymizer(key, keyVersion: 7).SubjectRefFor(Subject, RocOin));
    }

    [Fact]
    public void SubjectRefFor_TwoOrganisations_Differ()
    {
        var pseudonymizer = new SubjectPseudonymizer(TestKeys.Random32());
        var roc = pseudonymizer.SubjectRefFor(Subject, RocOin);
        var gemeente = pseudonymizer.SubjectRefFor(Subject, GemeenteOin);
        Assert.NotEqual(roc, gemeente);
        Assert.Matches(SubjectRefFormat(), roc);
        Assert.Equal(roc, pseudonymizer.SubjectRefFor(Subject, RocOin));
    }

    [Fact]
    public void SubjectRefFor_IsNotTheHubPseudonym()
    {
        // Separate sub-keys: an organisation's ref never equals, or shares its hash with, the hub's match key.
        var pseudonymizer = new SubjectPseudonymizer(TestKeys.Random32());
        var pseudonym = pseudonymizer.Pseudonymize(Subject);
        var subjectRef = pseudonymizer.SubjectRefFor(Subject, RocOin);
        Assert.NotEqual(pseudonym[3..], subjectRef[3..]);
    }

    [Fact]
    public void SubjectRefFor_OtherKey_Differs()
    {
        Assert.NotEqual(new SubjectPseudonymizer(TestKeys.Random32()).SubjectRefFor(Subject, RocOin),
            new SubjectPseudonymizer(TestKeys.Random32()).SubjectRefFor(Subject, RocOin));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0000000712345678000")]
    [InlineData("000000071234567800000")]
    [InlineData("0000000712345678000a")]
    [InlineData("0000000712345678000 ")]
    public void SubjectRefFor_InvalidOin_Throws(string oin)
    {
        var pseudonymizer = new SubjectPseudonymizer(TestKeys.Random32());
        var ex = Assert.Throws<ArgumentException>(() => pseudonymizer.SubjectRefFor(Subject, oin));
        Assert.DoesNotContain(Subject.Value, ex.Message);
    }

    [Fact]
    public void Pseudonymize_DefaultBsn_Throws()
    {
        var pseudonymizer = new SubjectPseudonymizer(TestKeys.Random32());
        Assert.Throws<InvalidOperationException>(() => pseudonymizer.Pseudonymize(default));
        Assert.Throws<InvalidOperationException>(() => pseudonymizer.SubjectRefFor(default, RocOin));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    public void Constructor_ShortKey_Throws(int length)
    {
        Assert.Throws<ArgumentException>(() => new SubjectPseudonymizer(new byte[length]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100)]
    public void Constructor_KeyVersionOutOfRange_Throws(int version)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SubjectPseudonymizer(TestKeys.Random32(), version));
    }

    [Fact]
    public void Pseudonymize_LongerKey_Accepted()
    {
        Assert.Matches(PseudonymFormat(), new SubjectPseudonymizer(new byte[64]).Pseudonymize(Subject));
    }
}
