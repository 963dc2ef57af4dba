using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Interop.Hub.Calls;

namespace Interop.Hub.Referrals;

/// <summary>Field rules shared by the referral requests; each adds to <see cref="Violations"/> and never stops at the first.</summary>
internal static partial class ReferralFields
{
    /// <summary>referral_id: a UUID in canonical lower-case form (referrals.proto).</summary>
    public static void ReferralId(string value, Violations violations, string field = "referral_id")
    {
        if (value.Length == 0)
        {
            violations.Add(field, "Required.");
        }
        else if (!IsCanonicalUuid(value))
        {
            violations.Add(field, "Not a referral id: a UUID in canonical lower-case form.");
        }
    }

    /// <summary>Whether <paramref name="value"/> is a UUID in canonical lower-case form.</summary>
    public static bool IsCanonicalUuid(string value) =>
        value.Length == 36 && Guid.TryParseExact(value, "D", out _) && !value.Any(char.IsAsciiLetterUpper);

    /// <summary>expected_version: versions start at 1.</summary>
    public static void ExpectedVersion(long value, Violations violations)
    {
        if (value < 1)
        {
            violations.Add("expected_version", "Required: the version you read (1 or more).");
        }
    }

    /// <summary>An optional free text of at most <paramref name="max"/> characters without control characters (line breaks and tabs allowed).</summary>
    public static void Text(string value, int max, string field, Violations violations, bool required = false)
    {
        if (value.Length == 0 || (required && string.IsNullOrWhiteSpace(value)))
        {
            if (required)
            {
                violations.Add(field, $"Required: 1 to {max} characters.");
            }

            return;
        }

        if (value.Length > max)
        {
            violations.Add(field, $"At most {max} characters.");
        }
        else if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            violations.Add(field, "Must not contain control characters.");
        }
    }

    /// <summary>
    /// A timestamp that protobuf can represent (seconds within years 1-9999, nanos 0-999,999,999); null when unset or
    /// invalid (invalid is reported).
    /// </summary>
    public static DateTimeOffset? Time(Timestamp? value, string field, Violations violations)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return value.ToDateTimeOffset();
        }
        catch (ArgumentException)
        {
            violations.Add(field, "Not a valid timestamp.");
            return null;
        }
        catch (InvalidOperationException)
        {
            violations.Add(field, "Not a valid timestamp.");
            return null;
        }
    }

    /// <summary>A birth date: ISO 8601 calendar date, not in the future.</summary>
    public static void BirthDate(string value, DateTimeOffset now, string field, Violations violations)
    {
        if (value.Length == 0)
        {
            return;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            violations.Add(field, "Not an ISO 8601 calendar date (YYYY-MM-DD).");
        }
        else if (date > DateOnly.FromDateTime(now.UtcDateTime.AddDays(1)) || date.Year < 1900)
        {
            violations.Add(field, "Not a plausible birth date: not in the future, not before 1900.");
        }
    }

    /// <summary>A phone number in E.164 form.</summary>
    public static void PhoneNumber(string value, string field, Violations violations)
    {
        if (value.Length > 0 && !E164().IsMatch(value))
        {
            violations.Add(field, "Not an E.164 phone number (+ and 8 to 15 digits, e.g. +31612345678).");
        }
    }

    /// <summary>An e-mail address (RFC 5322 addr-spec, at most 254 characters).</summary>
    public static void EmailAddress(string value, string field, Violations violations)
    {
        if (value.Length == 0)
        {
            return;
        }

        if (value.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(value, out var parsed) || parsed.Address != value || parsed.DisplayName.Length > 0)
        {
            violations.Add(field, "Not an e-mail address (name@domain).");
        }
    }

    /// <summary>A code of the hub's configuration (purpose, statutory task): lower case letters and digits with '-'.</summary>
    public static bool IsCode(string value) => value.Length <= 100 && Code().IsMatch(value);

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Code();
}
