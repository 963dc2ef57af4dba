using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Interop.Privacy.Internal;

namespace Interop.Privacy;

/// <summary>
/// Keyed pseudonyms of a BSN: the hub matches jongeren on these instead of on the BSN. HMAC-SHA256 under a hub secret
/// held outside the database, so a copy of the database alone cannot turn a pseudonym back into a BSN by trying all
/// one billion candidates.
/// </summary>
/// <remarks>
/// Two values derive from one BSN, each under its own sub-key of the hub secret so neither can stand in for the other:
/// the hub's own pseudonym (<see cref="Pseudonymize"/>, "p1:" + 43 base64url characters) and the subject_ref an
/// organisation sees (<see cref="SubjectRefFor"/>, "r1:" + 43 characters): HMAC over the organisation's OIN and the
/// BSN, so two organisations get different refs for the same jongere and cannot link them without the hub
/// (common.proto Subject.subject_ref). The digit after p/r is the key version; output is 46 characters for
/// versions 1-9, within subject_ref's 64. Thread-safe.
/// </remarks>
public sealed class SubjectPseudonymizer
{
    private const int HashBytes = 32;
    private const int OinLength = 20;

    private readonly ThreadLocalHmac _pseudonymHmac;
    private readonly ThreadLocalHmac _subjectRefHmac;
    private readonly string _pseudonymPrefix;
    private readonly string _subjectRefPrefix;

    /// <summary>Creates a pseudonymizer over <paramref name="key"/> (at least 32 bytes).</summary>
    /// <param name="key">The hub secret.</param>
    /// <param name="keyVersion">The key's version (1-99), written into every output.</param>
    public SubjectPseudonymizer(ReadOnlySpan<byte> key, int keyVersion = 1)
    {
        if (key.Length < PrivacyOptions.MinimumPseudonymKeyBytes)
        {
            throw new ArgumentException($"The pseudonym key must be at least {PrivacyOptions.MinimumPseudonymKeyBytes} bytes.", nameof(key));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(keyVersion, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keyVersion, 99);
        KeyVersion = keyVersion;
        _pseudonymHmac = new ThreadLocalHmac(HMACSHA256.HashData(key, "interop.v1/pseudonym"u8));
        _subjectRefHmac = new ThreadLocalHmac(HMACSHA256.HashData(key, "interop.v1/subject-ref"u8));
        _pseudonymPrefix = "p" + keyVersion.ToString(CultureInfo.InvariantCulture) + ":";
        _subjectRefPrefix = "r" + keyVersion.ToString(CultureInfo.InvariantCulture) + ":";
    }

    /// <summary>The key version written into every pseudonym and subject ref.</summary>
    public int KeyVersion { get; }

    /// <summary>The hub's pseudonym of <paramref name="bsn"/>: the same for the same BSN and key, different under another key.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="bsn"/> is <c>default(Bsn)</c>.</exception>
    public string Pseudonymize(Bsn bsn)
    {
        Span<byte> input = stackalloc byte[Bsn.Length];
        Encoding.ASCII.GetBytes(bsn.Value, input);
        return Encode(_pseudonymPrefix, _pseudonymHmac, input);
    }

    /// <summary>The subject_ref of <paramref name="bsn"/> as the organisation <paramref name="organisationOin"/> sees it.</summary>
    /// <param name="bsn">The jongere.</param>
    /// <param name="organisationOin">The organisation's OIN: 20 digits.</param>
    /// <exception cref="ArgumentException"><paramref name="organisationOin"/> is not 20 digits.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="bsn"/> is <c>default(Bsn)</c>.</exception>
    public string SubjectRefFor(Bsn bsn, string organisationOin)
    {
        ArgumentNullException.ThrowIfNull(organisationOin);
        if (organisationOin.Length != OinLength || !organisationOin.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("An OIN is 20 digits.", nameof(organisationOin));
        }

        // Both parts have a fixed length (20 + 9), so their concatenation is unambiguous without a separator.
        Span<byte> input = stackalloc byte[OinLength + Bsn.Length];
        Encoding.ASCII.GetBytes(organisationOin, input);
        Encoding.ASCII.GetBytes(bsn.Value, input[OinLength..]);
        return Encode(_subjectRefPrefix, _subjectRefHmac, input);
    }

    private static string Encode(string prefix, ThreadLocalHmac hmac, ReadOnlySpan<byte> input)
    {
        Span<byte> hash = stackalloc byte[HashBytes];
        hmac.Compute(input, hash);
        return prefix + Base64Url.EncodeToString(hash);
    }
}
