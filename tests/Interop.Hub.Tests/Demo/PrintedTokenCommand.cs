using System.Text.RegularExpressions;
using Interop.Federation.Client;
using Interop.Grpc;
using Interop.Grpc.Client;

namespace Interop.Hub.Tests.Demo;

/// <summary>The interop-admin token command and grpcurl call a demo hub printed at start, read back from its output.</summary>
public sealed partial record PrintedTokenCommand(string TokenEndpoint, string ClientId, string KeyFile, string Kid, string GrpcTarget)
{
    /// <summary>The last instructions in <paramref name="output"/>, or null when it printed none.</summary>
    public static PrintedTokenCommand? Find(string output)
    {
        var token = TokenCommand().Matches(output).LastOrDefault();
        var call = GrpcurlCall().Matches(output).LastOrDefault();
        return token is null || call is null
            ? null
            : new PrintedTokenCommand(token.Groups["endpoint"].Value, token.Groups["client"].Value, token.Groups["key"].Value, token.Groups["kid"].Value, call.Groups["target"].Value);
    }

    /// <summary>A channel calling <paramref name="grpcAddress"/> with tokens got as the printed command gets them: ClientAssertionTokenProvider, the tool's engine.</summary>
    public (CallInvoker Invoker, IDisposable Resources) Connect(string grpcAddress)
    {
        var http = new HttpClient();
        var tokens = new ClientAssertionTokenProvider(http, new ClientAssertionOptions
        {
            TokenEndpoint = new Uri(TokenEndpoint),
            ClientId = ClientId,
            SigningKey = ClientKeyMaterial.LoadPrivateKey(File.ReadAllText(KeyFile), Kid),
        });
        var channel = GrpcChannel.ForAddress(grpcAddress);
        return (channel.Intercept(new TokenInjectionInterceptor(tokens)), new Resources(channel, tokens, http));
    }

    [GeneratedRegex(@"src/Interop\.Admin -- token --token-endpoint (?<endpoint>\S+) --client-id (?<client>\S+) --key-file (?<key>\S+) --kid (?<kid>[^\s)]+)\)")]
    private static partial Regex TokenCommand();

    [GeneratedRegex(@"grpcurl -plaintext -H ""authorization: Bearer \$TOKEN"" -d '[^']*' (?<target>\S+) interop\.v1\.DirectoryService/ListPartners")]
    private static partial Regex GrpcurlCall();

    private sealed class Resources(params IDisposable[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }
}
