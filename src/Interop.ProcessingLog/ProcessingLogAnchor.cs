using System.Globalization;

namespace Interop.ProcessingLog;

/// <summary>
/// A record's sequence number and hash, kept outside the database (a report, a ticket, another system) so that a
/// later verification can show the chain still holds that record unchanged. A hash chain alone cannot show that its
/// newest records were cut off, nor that someone with write access altered a record and recomputed every hash after
/// it; an anchor shows both (<see cref="ProcessingLogVerifier.VerifyAsync(IEnumerable{ProcessingLogAnchor}, CancellationToken)"/>).
/// Written as <c>sequence:hash</c>, the hash in hexadecimal, e.g. <c>1042:9f86d0…</c>.
/// </summary>
public sealed record ProcessingLogAnchor
{
    private readonly byte[] _hash;

    /// <summary>An anchor on record <paramref name="sequence"/> with record hash <paramref name="hash"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="hash"/> is not a record hash (32 bytes).</exception>
    public ProcessingLogAnchor(long sequence, ReadOnlySpan<byte> hash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        if (hash.Length != ProcessingRecordHash.HashSize)
        {
            throw new ArgumentException($"A record hash is {ProcessingRecordHash.HashSize} bytes.", nameof(hash));
        }

        Sequence = sequence;
        _hash = hash.ToArray();
    }

    /// <summary>The record's sequence number (1 or more).</summary>
    public long Sequence { get; }

    /// <summary>The record's hash (<see cref="ProcessingLogRecord.RecordHash"/>).</summary>
    public ReadOnlyMemory<byte> Hash => _hash;

    /// <summary>Reads <c>sequence:hash</c>, as <see cref="ToString"/> writes it.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not of that form; the message says what is wrong.</exception>
    public static ProcessingLogAnchor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw new FormatException($"'{text}' is not an anchor: expected sequence:hash, e.g. 1042:{new string('0', ProcessingRecordHash.HashSize * 2)}.");
        }

        var sequenceText = text[..colon];
        if (!long.TryParse(sequenceText, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1)
        {
            throw new FormatException($"'{sequenceText}' is not a record sequence number (a whole number of 1 or more).");
        }

        var hashText = text[(colon + 1)..];
        if (hashText.Length != ProcessingRecordHash.HashSize * 2 || !hashText.All(char.IsAsciiHexDigit))
        {
            throw new FormatException($"'{hashText}' is not a record hash ({ProcessingRecordHash.HashSize * 2} hexadecimal digits).");
        }

        return new ProcessingLogAnchor(sequence, Convert.FromHexString(hashText));
    }

    /// <summary>
    /// One sentence per record that two of <paramref name="anchors"/> name with different hashes (they cannot both be
    /// right); empty when they agree.
    /// </summary>
    public static IReadOnlyList<string> FindConflicts(IEnumerable<ProcessingLogAnchor> anchors)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        return [.. anchors.GroupBy(anchor => anchor.Sequence)
            .Where(group => group.Distinct().Skip(1).Any())
            .Select(group => $"two anchors name record {group.Key} with different hashes.")];
    }

    /// <summary>Whether <paramref name="hash"/> is this anchor's hash.</summary>
    public bool Matches(ReadOnlySpan<byte> hash) => hash.SequenceEqual(_hash);

    /// <summary>Equal when sequence and hash are equal.</summary>
    public bool Equals(ProcessingLogAnchor? other) => other is not null && other.Sequence == Sequence && other.Matches(_hash);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Sequence, BitConverter.ToInt64(_hash, 0));

    /// <summary><c>sequence:hash</c>, the hash in lower-case hexadecimal.</summary>
    public override string ToString() => Sequence.ToString(CultureInfo.InvariantCulture) + ":" + Convert.ToHexStringLower(_hash);
}
