using System.CommandLine;
using Interop.Federation.Registry;
using Interop.Federation.Storage;
using Microsoft.Extensions.Configuration;

namespace Interop.Admin;

/// <summary>
/// interop-admin: manages the partner registry and the hub's signing keys in the hub's database.
/// Exit codes: 0 success, 1 refused (invalid input, unknown partner), 2 usage error.
/// </summary>
internal static class AdminCli
{
    /// <summary>--database: the SQLite file; defaults to Interop:Federation:DatabasePath from appsettings.json or the environment.</summary>
    public static readonly Option<string?> Database = new("--database")
    {
        Description = "The hub's SQLite database (default: Interop:Federation:DatabasePath from appsettings.json / environment, else ~/.local/share/interop/interop-hub.db).",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json") { Description = "Write JSON instead of a table." };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Manage the Interop hub's partner registry (organisations, API clients), signing keys and processing log.");
        root.Options.Add(Database);
        root.Subcommands.Add(PartnerCommands.Create());
        root.Subcommands.Add(ClientCommands.Create());
        root.Subcommands.Add(KeyCommands.Create());
        root.Subcommands.Add(TokenCommand.Create());
        root.Subcommands.Add(LogCommands.Create());
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync(parseError.Message).ConfigureAwait(false);
            }

            return 2;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
    }

    /// <summary>Wraps a command body: opens the store and turns a refused change into exit code 1 with every reason.</summary>
    public static Func<ParseResult, CancellationToken, Task<int>> Action(Func<ParseResult, SqliteFederationStore, TextWriter, CancellationToken, Task<int>> body) =>
        async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            try
            {
                return await body(result, new SqliteFederationStore(ResolveDatabase(result)), output, cancellationToken).ConfigureAwait(false);
            }
            catch (PartnerRegistryException ex)
            {
                foreach (var reason in ex.Errors)
                {
                    await error.WriteLineAsync("error: " + reason).ConfigureAwait(false);
                }

                return 1;
            }
            catch (AdminException ex)
            {
                await error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
                return 1;
            }
        };

    /// <summary>The hub database: --database, else Interop:Federation:DatabasePath, else the per-user default.</summary>
    public static string ResolveDatabase(ParseResult result)
    {
        if (result.GetValue(Database) is { Length: > 0 } path)
        {
            return path;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var resolved = Path.GetFullPath(configuration[SqliteFederationStore.DatabasePathConfigurationKey] ?? SqliteFederationStore.DefaultDatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(resolved)!);
        return resolved;
    }
}
