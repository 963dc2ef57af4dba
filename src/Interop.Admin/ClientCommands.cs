using System.CommandLine;
using System.Text.Json.Nodes;
using Interop.Federation.Client;
using Interop.Federation.Registry;

namespace Interop.Admin;

/// <summary><c>clients add | list | enable | disable | rotate-key | keygen</c>.</summary>
internal static class ClientCommands
{
    public static Command Create()
    {
        var clients = new Command("clients", "API clients of partner organisations.");
        clients.Subcommands.Add(Add());
        clients.Subcommands.Add(List());
        clients.Subcommands.Add(SetEnabled("enable", true));
        clients.Subcommands.Add(SetEnabled("disable", false));
        clients.Subcommands.Add(RotateKey());
        clients.Subcommands.Add(Keygen());
        return clients;
    }

    private static Command Add()
    {
        var clientId = ClientIdOption();
        var oin = new Option<string>("--oin") { Description = "OIN of the client's organisation.", Required = true };
        var scopes = new Option<string>("--scopes") { Description = "Allowed scopes, space separated (quote them).", Required = true };
        var (jwksFile, jwksUrl) = KeyOptions();
        var command = new Command("add", "Register an API client with its public keys.") { clientId, oin, scopes, jwksFile, jwksUrl };
        command.SetAction(AdminCli.Action(async (result, store, output, cancellationToken) =>
        {
            var (jwks, url) = await ReadKeysAsync(result, jwksFile, jwksUrl, cancellationToken).ConfigureAwait(false);
            var client = new ApiClient(result.GetValue(clientId)!, result.GetValue(oin)!, jwks, url, result.GetValue(scopes)!.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            await store.AddClientAsync(client, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Added client {client.ClientId} for {client.OrganisationOin} with scopes '{string.Join(' ', client.AllowedScopes)}'.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List API clients.") { AdminCli.Json };
        command.SetAction(AdminCli.Action(async (result, store, output, cancellationToken) =>
        {
            // The stored JWK set is JSON text: embed it in --json output as an object, not as an escaped string.
            var clients = (await store.ListClientsAsync(cancellationToken).ConfigureAwait(false))
                .Select(c => new { c.ClientId, c.OrganisationOin, Jwks = c.Jwks is null ? null : JsonNode.Parse(c.Jwks), c.JwksUrl, c.AllowedScopes, c.Enabled })
                .ToList();
            await TableWriter.WriteAsync(output, result.GetValue(AdminCli.Json), clients, ["CLIENT_ID", "OIN", "SCOPES", "KEYS", "ENABLED"], c =>
                [c.ClientId, c.OrganisationOin, string.Join(' ', c.AllowedScopes), c.JwksUrl?.AbsoluteUri ?? "jwks (" + KidsOf(c.Jwks?.ToJsonString()) + ")", c.Enabled ? "yes" : "no"]).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command SetEnabled(string verb, bool enabled)
    {
        var clientId = ClientIdOption();
        var command = new Command(verb, enabled ? "Enable a client." : "Disable a client: its assertions are refused at once.") { clientId };
        command.SetAction(AdminCli.Action(async (result, store, output, cancellationToken) =>
        {
            var value = result.GetValue(clientId)!;
            if (!await store.SetClientEnabledAsync(value, enabled, cancellationToken).ConfigureAwait(false))
            {
                throw new AdminException($"No client {value}.");
            }

            await output.WriteLineAsync($"Client {value} {verb}d.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command RotateKey()
    {
        var clientId = ClientIdOption();
        var (jwksFile, jwksUrl) = KeyOptions();
        var command = new Command("rotate-key", "Replace a client's public keys; the old keys are refused from then on.") { clientId, jwksFile, jwksUrl };
        command.SetAction(AdminCli.Action(async (result, store, output, cancellationToken) =>
        {
            var (jwks, url) = await ReadKeysAsync(result, jwksFile, jwksUrl, cancellationToken).ConfigureAwait(false);
            var value = result.GetValue(clientId)!;
            if (!await store.ReplaceClientKeysAsync(value, jwks, url, cancellationToken).ConfigureAwait(false))
            {
                throw new AdminException($"No client {value}.");
            }

            await output.WriteLineAsync($"Replaced the keys of client {value}.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command Keygen()
    {
        var outDir = new Option<DirectoryInfo>("--out-dir") { Description = "Where to write private-key.pem and jwks.json.", Required = true };
        var command = new Command("keygen", "Generate a new RSA key pair for an integrator: a private key (PEM) and its public JWKS.") { outDir };
        command.SetAction(AdminCli.Guarded(async (result, output, cancellationToken) =>
        {
            var directory = result.GetValue(outDir)!;
            directory.Create();
            var keyFile = Path.Combine(directory.FullName, "private-key.pem");
            var jwksFile = Path.Combine(directory.FullName, "jwks.json");
            if (File.Exists(keyFile))
            {
                throw new AdminException($"{keyFile} exists: refusing to overwrite a private key.");
            }

            var material = ClientKeyMaterial.Generate();
            // The private key is readable by its owner only.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var writer = new StreamWriter(keyFile, options))
            {
                await writer.WriteAsync(material.PrivateKeyPem).ConfigureAwait(false);
            }

            await File.WriteAllTextAsync(jwksFile, material.PublicJwks, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"kid: {material.Kid}").ConfigureAwait(false);
            await output.WriteLineAsync($"private key: {keyFile} (keep it secret; never commit it)").ConfigureAwait(false);
            await output.WriteLineAsync($"public JWKS: {jwksFile} (register it: clients add ... --jwks-file {jwksFile})").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Option<string> ClientIdOption() => new("--client-id") { Description = "The client_id.", Required = true };

    private static (Option<FileInfo> File, Option<string> Url) KeyOptions() => (
        new Option<FileInfo>("--jwks-file") { Description = "A file holding the client's public JWK set." },
        new Option<string>("--jwks-url") { Description = "Where the client publishes its JWK set (https)." });

    private static async Task<(string? Jwks, Uri? Url)> ReadKeysAsync(ParseResult result, Option<FileInfo> jwksFile, Option<string> jwksUrl, CancellationToken cancellationToken)
    {
        var file = result.GetValue(jwksFile);
        var url = result.GetValue(jwksUrl);
        if ((file is null) == (url is null))
        {
            throw new AdminException("Give exactly one of --jwks-file and --jwks-url.");
        }

        if (url is not null)
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? (null, parsed) : throw new AdminException($"--jwks-url '{url}' is not an absolute URL.");
        }

        if (!file!.Exists)
        {
            throw new AdminException($"No such file: {file.FullName}.");
        }

        return (await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false), null);
    }

    private static string KidsOf(string? jwks)
    {
        if (jwks is null)
        {
            return "";
        }

        try
        {
            return string.Join(", ", new Microsoft.IdentityModel.Tokens.JsonWebKeySet(jwks).Keys.Select(k => k.Kid));
        }
        catch (ArgumentException)
        {
            return "?";
        }
    }
}
