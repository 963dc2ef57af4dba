using System.CommandLine;
using Interop.Federation.Registry;
using Interop.Federation.Keys;
using Npgsql;

namespace Interop.Admin;

/// <summary>
/// interop-admin: manages the partner registry and the hub's signing keys in the hub's database (SQLite or
/// PostgreSQL, chosen as the hub chooses: <see cref="HubStorageTarget"/>).
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

    /// <summary>--postgres: the hub's PostgreSQL database instead of a SQLite file.</summary>
    public static readonly Option<string?> Postgres = new("--postgres")
    {
        Description = "The hub's PostgreSQL database, as an Npgsql connection string (default: Interop:Storage:ConnectionString when Interop:Storage:Provider is PostgreSql, from appsettings.json / environment, e.g. INTEROP__STORAGE__PROVIDER=PostgreSql).",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json") { Description = "Write JSON instead of a table." };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Manage the Interop hub's partner registry (organisations, API clients), signing keys and processing log.");
        root.Options.Add(Database);
        root.Options.Add(Postgres);
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

    /// <summary>Wraps a command body on the partner registry.</summary>
    public static Func<ParseResult, CancellationToken, Task<int>> Action(Func<ParseResult, IPartnerStore, TextWriter, CancellationToken, Task<int>> body) =>
        Guarded(async (result, output, cancellationToken) =>
        {
            await using var store = HubStorageTarget.Resolve(result).OpenRegistry();
            return await body(result, store.Partners, output, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>Wraps a command body on the hub's signing keys.</summary>
    public static Func<ParseResult, CancellationToken, Task<int>> KeyAction(Func<ParseResult, ISigningKeyStore, TextWriter, CancellationToken, Task<int>> body) =>
        Guarded(async (result, output, cancellationToken) =>
        {
            await using var store = HubStorageTarget.Resolve(result).OpenRegistry();
            return await body(result, store.SigningKeys, output, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>Runs a command body, turning a refused change or an unreachable database into exit code 1 with every reason.</summary>
    public static Func<ParseResult, CancellationToken, Task<int>> Guarded(Func<ParseResult, TextWriter, CancellationToken, Task<int>> body) =>
        async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            try
            {
                return await body(result, output, cancellationToken).ConfigureAwait(false);
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
            catch (NpgsqlException ex)
            {
                await error.WriteLineAsync("error: the PostgreSQL database refused or could not be reached: " + ex.Message).ConfigureAwait(false);
                return 1;
            }
        };
}
