using Interop.Grpc.Shared;

namespace Interop.Grpc.AspNetCore.Tests.Unit;

public class BinaryHeaderEncodingTests
{
    [Theory]
    [InlineData(new byte[] { }, "")]
    [InlineData(new byte[] { 1 }, "AQ")]
    [InlineData(new byte[] { 1, 2 }, "AQI")]
    [InlineData(new byte[] { 1, 2, 3 }, "AQID")]
    public void Encode_OmitsPadding(byte[] value, string expected)
    {
        Assert.Equal(expected, BinaryHeaderEncoding.Encode(value));
    }

    [Theory]
    [InlineData("AQ", new byte[] { 1 })]
    [InlineData("AQ==", new byte[] { 1 })]
    [InlineData("AQI", new byte[] { 1, 2 })]
    [InlineData("AQI=", new byte[] { 1, 2 })]
    [InlineData("AQID", new byte[] { 1, 2, 3 })]
    [InlineData("", new byte[] { })]
    public void TryDecode_PaddedAndUnpadded_Decode(string value, byte[] expected)
    {
        Assert.True(BinaryHeaderEncoding.TryDecode(value, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("!!!!")]
    [InlineData("AQ===")]
    [InlineData("A=Q=")]
    [InlineData("AQID\u00e9")]
    public void TryDecode_Malformed_ReturnsFalse(string value)
    {
        Assert.False(BinaryHeaderEncoding.TryDecode(value, out _));
    }

    [Fact]
    public void EncodeDecode_RandomBytes_RoundTrip()
    {
        var random = new Random(42);
        for (var i = 0; i < 1000; i++)
        {
            var data = new byte[random.Next(0, 100)];
            random.NextBytes(data);
            Assert.True(BinaryHeaderEncoding.TryDecode(BinaryHeaderEncoding.Encode(data), out var decoded));
            Assert.Equal(data, decoded);
        }
    }
}
