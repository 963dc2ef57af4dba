namespace Interop.ProcessingLog.Tests;

public sealed class TraceContextTests
{
    private const string Valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    [Fact]
    public void TryParse_ValidVersion00_ReturnsFields()
    {
        Assert.True(TraceContext.TryParse(Valid, out var context));
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", context.TraceId);
        Assert.Equal("00f067aa0ba902b7", context.SpanId);
        Assert.Equal(1, context.Flags);
        Assert.Equal(Valid, context.ToString());
    }

    [Fact]
    public void TryParse_FutureVersionWithExtraFields_Accepted()
    {
        // Trace Context 3.2.4: a higher version is parsed by its first four fields; more may follow after '-'.
        Assert.True(TraceContext.TryParse("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-holds", out var context));
        Assert.Equal("00f067aa0ba902b7", context.SpanId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")] // version ff is invalid
    [InlineData("0g-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")] // version not hex
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra")] // version 00 has four fields only
    [InlineData("00-00000000000000000000000000000000-00f067aa0ba902b7-01")] // all-zero trace-id
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")] // all-zero parent-id
    [InlineData("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")] // upper-case hex
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01")]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0A")]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01")] // trace-id 31 digits
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e47366-00f067aa0ba902b-01")] // shifted field boundaries
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1")] // flags 1 digit
    [InlineData("00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01")] // wrong separators
    public void TryParse_Invalid_ReturnsFalse(string? value)
    {
        Assert.False(TraceContext.TryParse(value, out _));
    }

    [Fact]
    public void NewTrace_ProducesValidIds_ThatRoundTrip()
    {
        var trace = TraceContext.NewTrace(flags: 1);
        Assert.True(TraceContext.IsValidTraceId(trace.TraceId));
        Assert.True(TraceContext.IsValidSpanId(trace.SpanId));
        Assert.True(TraceContext.TryParse(trace.ToString(), out var parsed));
        Assert.Equal(trace, parsed);

        var child = trace.NewChild();
        Assert.Equal(trace.TraceId, child.TraceId);
        Assert.NotEqual(trace.SpanId, child.SpanId);
        Assert.NotEqual(trace.TraceId, TraceContext.NewTrace().TraceId);
    }
}
