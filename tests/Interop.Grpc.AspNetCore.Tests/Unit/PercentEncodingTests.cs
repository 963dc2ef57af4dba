using Interop.Grpc.Shared;

namespace Interop.Grpc.AspNetCore.Tests.Unit;

public class PercentEncodingTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain message")]
    [InlineData("100% sure")]
    [InlineData("%25 already looks encoded")]
    [InlineData("line\nbreak\ttab\r\0nul")]
    [InlineData("h\u00e9llo w\u00f6rld \u4e2d\u6587 \U0001F600")]
    [InlineData("\u007f\u0080\u00ff")]
    public void EncodeDecode_RoundTrips(string message)
    {
        var encoded = PercentEncoding.Encode(message);
        foreach (var c in encoded)
        {
            Assert.InRange(c, ' ', '~');
        }

        Assert.Equal(message, PercentEncoding.Decode(encoded));
    }

    [Fact]
    public void EncodeDecode_RandomStrings_RoundTrip()
    {
        var random = new Random(1234);
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var j = 0; j < chars.Length; j++)
            {
                // Any BMP scalar value except lone surrogates (not representable in UTF-8).
                char c;
                do
                {
                    c = (char)random.Next(0, 0x10000);
                }
                while (char.IsSurrogate(c));
                chars[j] = c;
            }

            var message = new string(chars);
            Assert.Equal(message, PercentEncoding.Decode(PercentEncoding.Encode(message)));
        }
    }

    [Fact]
    public void Encode_PercentAndControlChars_AreEscaped()
    {
        Assert.Equal("a%25b%0Ac", PercentEncoding.Encode("a%b\nc"));
        Assert.Equal("%C3%A9", PercentEncoding.Encode("\u00e9"));
    }

    [Theory]
    [InlineData("%", "%")]
    [InlineData("%4", "%4")]
    [InlineData("%zz", "%zz")]
    [InlineData("abc%", "abc%")]
    [InlineData("%41%", "A%")]
    [InlineData("%FF", "\uFFFD")]
    [InlineData("%e2%82%ac", "\u20ac")]
    public void Decode_BadSequences_AreLenient(string value, string expected)
    {
        Assert.Equal(expected, PercentEncoding.Decode(value));
    }
}
