namespace Interop.Federation.Registry;

/// <summary>
/// The organisatie-identificatienummer of the Logius OIN-stelsel: 20 digits, an 8-digit prefix naming the source
/// register, then the main number and a suffix.
/// </summary>
public static class Oin
{
    /// <summary>The prefixes the hub accepts, with the register each names.</summary>
    public static IReadOnlyDictionary<string, string> KnownPrefixes { get; } = new Dictionary<string, string>
    {
        ["00000001"] = "RSIN",
        ["00000003"] = "KvK",
        ["00000004"] = "SubOIN",
        ["00000007"] = "BRIN",
        ["00000009"] = "zorgaanbieder",
        ["00000099"] = "test",
    };

    /// <summary>Returns null when <paramref name="value"/> is a valid OIN, else why it is not.</summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "OIN is required.";
        }

        if (value.Length != 20 || !value.All(char.IsAsciiDigit))
        {
            return $"OIN '{value}' must be exactly 20 digits.";
        }

        if (!KnownPrefixes.ContainsKey(value[..8]))
        {
            return $"OIN '{value}' has unknown prefix '{value[..8]}' (known: {string.Join(", ", KnownPrefixes.Keys)}).";
        }

        return null;
    }

    /// <summary>True when <paramref name="value"/> is a valid OIN.</summary>
    public static bool IsValid(string? value) => Validate(value) is null;
}
