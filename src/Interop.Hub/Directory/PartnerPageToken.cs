using System.Buffers.Text;
using System.Text;

namespace Interop.Hub.PartnerDirectory;

/// <summary>
/// The opaque page token of ListPartners: the OIN the previous page ended with (keyset paging, so partners added or
/// disabled between pages neither repeat nor shift others out) and the filters it was issued for, because
/// PageRequest makes a token valid only with the same filters (common.proto). Not a secret: it names public
/// directory data only.
/// </summary>
internal static class PartnerPageToken
{
    private const string Version = "p1";

    /// <summary>A token that continues after <paramref name="lastOin"/> under <paramref name="filters"/>.</summary>
    public static string Create(string lastOin, string filters) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\n', Version, lastOin, filters)));

    /// <summary>The OIN to continue after; false when the token is malformed or was issued for other filters.</summary>
    public static bool TryRead(string token, string filters, out string lastOin)
    {
        lastOin = "";
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split('\n', 3);
        if (parts.Length != 3 || parts[0] != Version || parts[2] != filters || !Federation.Registry.Oin.IsValid(parts[1]))
        {
            return false;
        }

        lastOin = parts[1];
        return true;
    }
}
