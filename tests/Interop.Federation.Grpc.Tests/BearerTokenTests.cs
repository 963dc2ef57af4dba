using Interop.Federation.Grpc.Internal;
using Microsoft.Extensions.Primitives;

namespace Interop.Federation.Grpc.Tests;

public sealed class BearerTokenTests
{
    [Theory]
    [InlineData("Bearer abc.DEF-_~+/==", "abc.DEF-_~+/==")]
    [InlineData("bearer abc", "abc")]
    [InlineData("BEARER abc", "abc")]
    public void Read_WellFormed_ReturnsToken(string header, string expected)
    {
        Assert.Equal(expected, BearerToken.Read(new StringValues(header), out _, out var present));
        Assert.True(present);
    }

    [Theory]
    [InlineData("Bearer", "empty bearer token")]
    [InlineData("Bearer ", "empty bearer token")]
    [InlineData("Bearer  abc", "malformed bearer token")]
    [InlineData("Bearer abc def", "malformed bearer token")]
    [InlineData("Bearer a=b", "malformed bearer token")]
    [InlineData("Bearer abc==x", "malformed bearer token")]
    [InlineData("Bearer ==", "malformed bearer token")]
    [InlineData("Bearer abc\u00e9", "malformed bearer token")]
    [InlineData("Bearer abc\u0000", "malformed bearer token")]
    [InlineData("Bearer abc, Bearer def", "malformed bearer token")]
    [InlineData("Bearerabc", "not a Bearer authorization")]
    [InlineData("Basic abc", "not a Bearer authorization")]
    [InlineData("abc", "not a Bearer authorization")]
    [InlineData("", "not a Bearer authorization")]
    public void Read_Malformed_ReturnsNullWithReason(string header, string reason)
    {
        Assert.Null(BearerToken.Read(new StringValues(header), out var actual, out var present));
        Assert.Equal(reason, actual);
        Assert.True(present);
    }

    [Fact]
    public void Read_TwoHeaders_Refused()
    {
        Assert.Null(BearerToken.Read(new StringValues(["Bearer a", "Bearer a"]), out var reason, out _));
        Assert.Equal("more than one authorization header", reason);
    }

    [Fact]
    public void Read_NoHeader_RefusedWithoutCredentials()
    {
        Assert.Null(BearerToken.Read(StringValues.Empty, out _, out var present));
        Assert.False(present);
    }
}
