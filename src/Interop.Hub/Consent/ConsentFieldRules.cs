using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.Hub.Calls;
using Interop.Hub.Storage;

namespace Interop.Hub.Consent;

/// <summary>Field checks the consent requests share; each adds to <see cref="Violations"/> instead of stopping.</summary>
internal static class ConsentFieldRules
{
    /// <summary>recorded_by_professional and revoked_by_professional: an employee number, not a name (consent.proto).</summary>
    public const int MaxProfessionalLength = 100;

    /// <summary>ConsentEvidence.reference (consent.proto).</summary>
    public const int MaxEvidenceReferenceLength = 200;

    /// <summary>
    /// A list of enum values: at least one, each defined and not UNSPECIFIED, none twice. Returns the values (in the
    /// order given) when all are valid, else null.
    /// </summary>
    public static List<T>? EnumList<T>(RepeatedField<T> values, string field, string what, Violations violations)
        where T : struct, System.Enum
    {
        if (values.Count == 0)
        {
            violations.Add(field, $"Give at least one {what}.");
            return null;
        }

        var valid = true;
        var seen = new HashSet<T>();
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                violations.Add($"{field}[{i}]", $"UNSPECIFIED is not a {what}.");
                valid = false;
            }
            else if (!System.Enum.IsDefined(value))
            {
                violations.Add($"{field}[{i}]", $"Unknown {what} {Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)}.");
                valid = false;
            }
            else if (!seen.Add(value))
            {
                violations.Add($"{field}[{i}]", $"{what} given twice.");
                valid = false;
            }
        }

        return valid ? [.. values] : null;
    }

    /// <summary>
    /// A required short text (an identifier in the caller's system): not blank, at most <paramref name="maxLength"/>
    /// characters, no control characters. Returns whether it is valid.
    /// </summary>
    public static bool Text(string value, string field, int maxLength, bool required, Violations violations)
    {
        if (value.Length == 0 || string.IsNullOrWhiteSpace(value))
        {
            if (required || value.Length > 0)
            {
                violations.Add(field, "Required: not empty or blank.");
                return false;
            }

            return true;
        }

        if (value.Length > maxLength)
        {
            violations.Add(field, $"At most {maxLength} characters.");
            return false;
        }

        if (value.Any(char.IsControl))
        {
            violations.Add(field, "Must not contain control characters.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// A timestamp that is a valid point in time (seconds and nanos in the ranges google.protobuf.Timestamp allows),
    /// cut to the microsecond the hub stores. Null with a violation when invalid.
    /// </summary>
    public static DateTimeOffset? Time(Timestamp timestamp, string field, Violations violations)
    {
        // Timestamp's own range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
        if (timestamp.Nanos is < 0 or > 999_999_999 || timestamp.Seconds < -62_135_596_800L || timestamp.Seconds > 253_402_300_799L)
        {
            violations.Add(field, "Not a valid timestamp.");
            return null;
        }

        return HubTime.FromStored(HubTime.ToStored(timestamp.ToDateTimeOffset()));
    }

    /// <summary>Whether <paramref name="value"/> is a consent_id as the hub issues them: a UUID in lower-case canonical form.</summary>
    public static bool IsConsentId(string value) =>
        value.Length == 36 && Guid.TryParseExact(value, "D", out var id) && id.ToString("D") == value;
}
