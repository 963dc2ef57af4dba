using System.CommandLine;
using Interop.Federation.Client;

namespace Interop.Admin;

/// <summary>
/// <c>token</c>: what an integrator runs to see the flow work end to end: signs a private_key_jwt assertion with the
/// client's key, posts it to the hub's token endpoint and prints the access token. Uses the same
/// <see cref="ClientAssertionTokenProvider"/> a .NET integrator embeds; needs no database.
/// </summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var endpoint = new Option<string>("--token-endpoint") { Description = "The hub's token endpoint, e.g. http://localhost:5001/token.", Required = true };
        var clientId = new Option<string>("--client-id") { Description = "The registered client_id.", Required = true };
        var keyFile = new Option<FileInfo>("--key-file") { Description = "The client's private key (PEM), from 'clients keygen'.", Required = true };
        var kid = new Option<string>("--kid") { Description = "The registered key id (printed by 'clients keygen').", Required = true };
        var scope = new Option<string?>("--scope") { Description = "Space-separated scopes to ask for; default: every scope the client is allowed." };
        var command = new Command("token", "Get an access token from a hub with private_key_jwt and print it.") { endpoint, clientId, keyFile, kid, scope };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var file = result.GetValue(keyFile)!;
            if (!file.Exists)
            {
                await error.WriteLineAsync($"error: no such file: {file.FullName}.").ConfigureAwait(false);
                return 1;
            }

            if (!Uri.TryCreate(result.GetValue(endpoint), UriKind.Absolute, out var tokenEndpoint))
            {
                await error.WriteLineAsync($"error: --token-endpoint '{result.GetValue(endpoint)}' is not an absolute URL.").ConfigureAwait(false);
                return 1;
            }

            var options = new ClientAssertionOptions
            {
                TokenEndpoint = tokenEndpoint,
                ClientId = result.GetValue(clientId)!,
                SigningKey = ClientKeyMaterial.LoadPrivateKey(await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false), result.GetValue(kid)!),
                Scope = result.GetValue(scope),
            };
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var provider = new ClientAssertionTokenProvider(http, options);
            try
            {
                await output.WriteLineAsync(await provider.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                return 0;
            }
            catch (TokenRequestException ex)
            {
                await error.WriteLineAsync($"error: the hub refused the request ({ex.StatusCode} {ex.Error}): {ex.ErrorDescription}").ConfigureAwait(false);
                return 1;
            }
            catch (HttpRequestException ex)
            {
                await error.WriteLineAsync($"error: could not reach {options.TokenEndpoint}: {ex.Message}").ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }
}
