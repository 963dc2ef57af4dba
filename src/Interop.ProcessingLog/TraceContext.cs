using System.Diagnostics.CodeAnalysis;
using Interop.ProcessingLog.Internal;

namespace Interop.ProcessingLog;

/// <summary>
/// A W3C Trace Context (https://www.w3.org/TR/trace-context/) position: the trace-id shared by every span of one
/// call chain, the span-id of one span, and the trace flags. Parsed from and formatted as a traceparent header value
/// <c>version "-" trace-id "-" parent-id "-" trace-flags</c>.
/// </summary>
public readonly record struct TraceContext
{
    private TraceContext(string traceId, string spanId, byte flags)
    {
        TraceId = traceId;
        SpanId = spanId;
        Flags = flags;
    }

    /// <summary>The trace-id: 32 lower-case hex digits, not all zero.</summary>
    public string TraceId { get; }

    /// <summary>The span-id (parent-id in traceparent): 16 lower-case hex digits, not all zero.</summary>
    public string SpanId { get; }

    /// <summary>The trace-flags byte (bit 0: sampled).</summary>
    public byte Flags { get; }

    /// <summary>
    /// Parses a traceparent header value. Accepts version 00 exactly (55 characters); a higher version is accepted
    /// when its first four fields parse and anything after them starts with '-', as the W3C rule for future versions
    /// says. Refuses version ff, upper-case hex, wrong lengths and all-zero trace-id or parent-id.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? traceparent, out TraceContext context)
    {
        context = default;
        // version(2) - trace-id(32) - parent-id(16) - trace-flags(2): 55 characters.
        if (traceparent is null || traceparent.Length < 55)
        {
            return false;
        }

        var value = traceparent.AsSpan();
        if (value[2] != '-' || value[35] != '-' || value[52] != '-' || !IsLowerHex(value[..2]))
        {
            return false;
        }

        var version = Convert.ToByte(value[..2].ToString(), 16);
        // Trace Context 3.2.2.1: version ff is invalid; version 00 has exactly these four fields.
        if (version == 0xff || (version == 0 && value.Length != 55) || (version != 0 && value.Length > 55 && value[55] != '-'))
        {
            return false;
        }

        var traceId = value[3..35];
        var spanId = value[36..52];
        var flags = value[53..55];
        if (!IsLowerHex(traceId) || !IsLowerHex(spanId) || !IsLowerHex(flags) || IsAllZero(traceId) || IsAllZero(spanId))
        {
            return false;
        }

        context = new TraceContext(traceId.ToString(), spanId.ToString(), Convert.ToByte(flags.ToString(), 16));
        return true;
    }

    /// <summary>A new trace with a random trace-id and span-id (for a call that carried no traceparent).</summary>
    public static TraceContext NewTrace(byte flags = 0) => new(NewId(16), NewSpanId(), flags);

    /// <summary>A child of this span in the same trace: same trace-id and flags, a new span-id.</summary>
    public TraceContext NewChild() => new(TraceId ?? throw new InvalidOperationException("Default TraceContext has no trace."), NewSpanId(), Flags);

    /// <summary>A new random span-id: 16 lower-case hex digits, never all zero.</summary>
    public static string NewSpanId() => NewId(8);

    /// <summary>Whether <paramref name="value"/> is a valid trace-id (32 lower-case hex digits, not all zero).</summary>
    public static bool IsValidTraceId(string? value) => value is { Length: 32 } && IsLowerHex(value) && !IsAllZero(value);

    /// <summary>Whether <paramref name="value"/> is a valid span-id (16 lower-case hex digits, not all zero).</summary>
    public static bool IsValidSpanId(string? value) => value is { Length: 16 } && IsLowerHex(value) && !IsAllZero(value);

    /// <summary>The traceparent header value (version 00).</summary>
    public override string ToString() => $"00-{TraceId}-{SpanId}-{Flags:x2}";

    private static string NewId(int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        do
        {
            RandomIdSource.Fill(buffer);
        }
        while (buffer.IndexOfAnyExcept((byte)0) < 0);

        return Convert.ToHexStringLower(buffer);
    }

    // Trace Context 3.2.2: HEXDIGLC only; upper case is invalid.
    private static bool IsLowerHex(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllZero(ReadOnlySpan<char> value) => value.IndexOfAnyExcept('0') < 0;
}
