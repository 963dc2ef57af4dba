using System.CommandLine;
using System.Globalization;
using Interop.Federation.Keys;

namespace Interop.Admin;

/// <summary><c>keys rotate | list</c>: the hub's own signing keys.</summary>
internal static class KeyCommands
{
    public static Command Create()
    {
        var keys = new Command("keys", "The hub's signing keys.");
        keys.Subcommands.Add(Rotate());
        keys.Subcommands.Add(List());
        return keys;
    }

    private static Command Rotate()
    {
        var leadTime = new Option<TimeSpan>("--lead-time")
        {
            Description = "How long the new key is published before it signs (default 1.00:00:00, one day; at least the validators' JWKS cache time).",
            DefaultValueFactory = _ => TimeSpan.FromDays(1),
        };
        var command = new Command("rotate", "Schedule a new hub signing key: published now, signing after the lead time; the old key stays published until its tokens expire.") { leadTime };
        command.SetAction(AdminCli.KeyAction(async (result, store, output, cancellationToken) =>
        {
            var manager = new HubSigningKeyManager(store, HubKeyRotationPolicy.Default, TimeProvider.System);
            var key = await manager.RotateAsync(result.GetValue(leadTime), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Key {key.Kid} is published and signs from {key.SigningStartsAt.ToString("u", CultureInfo.InvariantCulture)}.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the hub's signing keys (public facts only).") { AdminCli.Json };
        command.SetAction(AdminCli.KeyAction(async (result, store, output, cancellationToken) =>
        {
            var keys = (await store.ListSigningKeysAsync(cancellationToken).ConfigureAwait(false))
                .Select(k => new { k.Kid, k.Algorithm, k.CreatedAt, k.SigningStartsAt, k.RetiresAt })
                .ToList();
            await TableWriter.WriteAsync(output, result.GetValue(AdminCli.Json), keys, ["KID", "ALG", "SIGNS FROM", "RETIRES"], k =>
                [k.Kid, k.Algorithm, k.SigningStartsAt.ToString("u", CultureInfo.InvariantCulture), k.RetiresAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-"]).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
