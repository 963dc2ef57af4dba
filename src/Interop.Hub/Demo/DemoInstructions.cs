using System.Text;
using System.Text.RegularExpressions;

namespace Interop.Hub.Demo;

/// <summary>What the hub prints at start when the demo region is in place: how to get a token and make a call.</summary>
internal static partial class DemoInstructions
{
    /// <summary>The text, for <paramref name="partner"/>'s client with key <paramref name="kid"/> in <paramref name="keyFile"/>.</summary>
    public static string Format(DemoPartner partner, string keyFile, string kid, string tokenEndpoint, string grpcTarget, string keyDirectory)
    {
        var text = new StringBuilder();
        text.AppendLine($"Demo region Twente ({DemoRegion.RmcRegion}): {DemoRegion.Partners.Count} partners, each with one API client holding every scope; their private keys are in {keyDirectory} (mode 0600, outside the repository).");
        text.AppendLine($"Get an access token as {partner.Organisation.Name} (client {partner.ClientId}) and call the hub with it, from the repository root:");
        text.AppendLine($"  TOKEN=$(dotnet run --project src/Interop.Admin -- token --token-endpoint {Quote(tokenEndpoint)} --client-id {partner.ClientId} --key-file {Quote(keyFile)} --kid {kid})");
        text.AppendLine($"  grpcurl -plaintext -H \"authorization: Bearer $TOKEN\" -d '{{\"referral_leefgebied\": \"LEEFGEBIED_ZORG\"}}' {grpcTarget} interop.v1.DirectoryService/ListPartners");
        text.Append($"Other demo clients: {string.Join(", ", DemoRegion.Partners.Skip(1).Select(p => p.ClientId))} (key file <client_id>.pem; kid in 'interop-admin clients list').");
        return text.ToString();
    }

    /// <summary>host:port of a Kestrel URL for grpcurl; wildcard hosts become localhost.</summary>
    public static string GrpcTarget(string? kestrelUrl)
    {
        if (string.IsNullOrWhiteSpace(kestrelUrl))
        {
            return "localhost:5000";
        }

        var url = WildcardHost().Replace(kestrelUrl, "://localhost");
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Host}:{uri.Port}" : "localhost:5000";
    }

    // A shell word as is when it holds nothing a POSIX shell would interpret, else single-quoted.
    private static string Quote(string word) =>
        SafeWord().IsMatch(word) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"^[A-Za-z0-9_./:@%+=,-]+$")]
    private static partial Regex SafeWord();

    [GeneratedRegex(@"://(\*|\+|0\.0\.0\.0|\[::\])")]
    private static partial Regex WildcardHost();
}
