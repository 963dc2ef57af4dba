namespace Interop.ProcessingLog.Tests;

public sealed class ProcessingLogAnchorTests
{
    private static readonly string Hex = string.Concat(Enumerable.Repeat("0a1b2c3d", 8));

    [Fact]
    public void Parse_WrittenForm_RoundTrips()
    {
        var anchor = ProcessingLogAnchor.Parse("1042:" + Hex);
        Assert.Equal(1042, anchor.Sequence);
        Assert.Equal(Convert.FromHexString(Hex), anchor.Hash.ToArray());
        Assert.Equal("1042:" + Hex, anchor.ToString());
        Assert.Equal(anchor, ProcessingLogAnchor.Parse("1042:" + Hex.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1042")]
    [InlineData("0:{hex}")]
    [InlineData("-3:{hex}")]
    [InlineData("+3:{hex}")]
    [InlineData(" 3:{hex}")]
    [InlineData("x:{hex}")]
    [InlineData("99999999999999999999:{hex}")]
    [InlineData("3:")]
    [InlineData("3:{hex}00")]
    [InlineData("3:{short}")]
    [InlineData("3:{nothex}")]
    [InlineData("3:{hex}:{hex}")]
    public void Parse_Malformed_FormatExceptionSayingWhat(string text)
    {
        var value = text.Replace("{hex}", Hex, StringComparison.Ordinal)
            .Replace("{short}", Hex[..62], StringComparison.Ordinal)
            .Replace("{nothex}", "zz" + Hex[2..], StringComparison.Ordinal);
        var error = Assert.Throws<FormatException>(() => ProcessingLogAnchor.Parse(value));
        Assert.Matches("anchor|sequence number|record hash", error.Message);
    }

    [Fact]
    public void Constructor_RefusesSequenceBelowOne_AndAHashOfAnotherSize()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProcessingLogAnchor(0, new byte[32]));
        Assert.Throws<ArgumentException>(() => new ProcessingLogAnchor(1, new byte[31]));
    }

    [Fact]
    public void Equality_BySequenceAndHashBytes()
    {
        var hash = Convert.FromHexString(Hex);
        Assert.Equal(new ProcessingLogAnchor(7, hash), new ProcessingLogAnchor(7, hash.ToArray()));
        Assert.NotEqual(new ProcessingLogAnchor(7, hash), new ProcessingLogAnchor(8, hash));
        var other = hash.ToArray();
        other[31] ^= 1;
        Assert.NotEqual(new ProcessingLogAnchor(7, hash), new ProcessingLogAnchor(7, other));
    }
}
