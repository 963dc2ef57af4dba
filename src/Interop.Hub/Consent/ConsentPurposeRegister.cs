namespace Interop.Hub.Consent;

/// <summary>
/// The hub's register of processing purposes (doelbinding) as consents name them: code and a description a jongere
/// can read. Temporary until the hub-wide register lands.
/// </summary>
internal sealed class ConsentPurposeRegister
{
    private static readonly Dictionary<string, string> Purposes = new(StringComparer.Ordinal)
    {
        ["begeleiding-naar-onderwijs-of-werk"] = "Begeleiding naar onderwijs of werk.",
        ["schuldhulpverlening"] = "Schuldhulpverlening.",
    };

    /// <summary>Whether <paramref name="code"/> is in the register.</summary>
    public bool IsKnown(string code) => Purposes.ContainsKey(code);

    /// <summary>The description of <paramref name="code"/>, or empty when unknown.</summary>
    public string Describe(string code) => Purposes.GetValueOrDefault(code, "");
}
