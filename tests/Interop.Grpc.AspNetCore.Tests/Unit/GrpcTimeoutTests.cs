using Interop.Grpc.Shared;

namespace Interop.Grpc.AspNetCore.Tests.Unit;

public class GrpcTimeoutTests
{
    public static TheoryData<string, long> ValidValues => new()
    {
        { "1H", TimeSpan.TicksPerHour },
        { "2M", 2 * TimeSpan.TicksPerMinute },
        { "3S", 3 * TimeSpan.TicksPerSecond },
        { "4m", 4 * TimeSpan.TicksPerMillisecond },
        { "5u", 5 * TimeSpan.TicksPerMicrosecond },
        { "700n", 7 },
        { "0S", 0 },
        { "99999999m", 99_999_999 * TimeSpan.TicksPerMillisecond },
        { "00000001S", TimeSpan.TicksPerSecond },
    };

    [Theory]
    [MemberData(nameof(ValidValues))]
    public void TryParse_EveryUnit_ReturnsTimeout(string value, long expectedTicks)
    {
        Assert.True(GrpcTimeout.TryParse(value, out var timeout));
        Assert.Equal(expectedTicks, timeout.Ticks);
    }

    [Fact]
    public void TryParse_MaxHours_ClampsInsteadOfOverflowing()
    {
        Assert.True(GrpcTimeout.TryParse("99999999H", out var timeout));
        Assert.True(timeout > TimeSpan.FromDays(365 * 1000));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("1")]
    [InlineData("1s")]
    [InlineData("1x")]
    [InlineData("-1S")]
    [InlineData("+1S")]
    [InlineData(" 1S")]
    [InlineData("1 S")]
    [InlineData("1.5S")]
    [InlineData("123456789S")]
    [InlineData("1SS")]
    [InlineData("１S")]
    public void TryParse_MalformedValue_ReturnsFalse(string? value)
    {
        Assert.False(GrpcTimeout.TryParse(value, out _));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(999)]
    [InlineData(10_000)]
    [InlineData(TimeSpan.TicksPerSecond)]
    [InlineData(TimeSpan.TicksPerHour * 5)]
    [InlineData(TimeSpan.TicksPerDay * 400)]
    public void Format_RoundTrips_WithoutShortening(long ticks)
    {
        var value = GrpcTimeout.Format(TimeSpan.FromTicks(ticks));
        Assert.InRange(value.Length, 2, 9);
        Assert.True(GrpcTimeout.TryParse(value, out var parsed));
        Assert.True(parsed.Ticks >= ticks, $"{value} parsed to {parsed.Ticks} < {ticks}");
    }

    [Fact]
    public void Format_ZeroOrNegative_ReturnsSmallestTimeout()
    {
        Assert.Equal("1n", GrpcTimeout.Format(TimeSpan.Zero));
        Assert.Equal("1n", GrpcTimeout.Format(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Format_Huge_FitsEightDigits()
    {
        var value = GrpcTimeout.Format(TimeSpan.MaxValue);
        Assert.True(value.Length <= 9);
        Assert.True(GrpcTimeout.TryParse(value, out _));
    }
}
