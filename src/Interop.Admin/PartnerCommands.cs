using System.CommandLine;
using Interop.Federation.Registry;

namespace Interop.Admin;

/// <summary><c>partners add | list | enable | disable</c>.</summary>
internal static class PartnerCommands
{
    public static Command Create()
    {
        var partners = new Command("partners", "Organisations registered with the hub.");
        partners.Subcommands.Add(Add());
        partners.Subcommands.Add(List());
        partners.Subcommands.Add(SetEnabled("enable", true));
        partners.Subcommands.Add(SetEnabled("disable", false));
        return partners;
    }

    private static Command Add()
    {
        var oin = new Option<string>("--oin") { Description = "OIN: 20 digits with a known prefix.", Required = true };
        var name = new Option<string>("--name") { Description = "Display name.", Required = true };
        var kind = new Option<string>("--kind") { Description = "One of: " + string.Join(", ", OrganisationKinds.WireNames) + ".", Required = true };
        kind.AcceptOnlyFromAmong([.. OrganisationKinds.WireNames]);
        var region = new Option<string?>("--region") { Description = "RMC region code, e.g. RMC23." };
        var command = new Command("add", "Register an organisation.") { oin, name, kind, region };
        command.SetAction(AdminCli.Action(async (result, store, output, cancellationToken) =>
        {
            OrganisationKinds.TryParse(result.GetValue(kind), out var parsedKind);
            var organisation = new Organisation(result.GetValue(oin)!, result.GetValue(name)!, parsedKind, result.GetValue(region));
            await store.AddOrganisationAsync(organisation, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Added {organisation.Kind.ToWireName()} {organisation.Oin} ({organisation.Name}).").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List organisations.") { AdminCli.Json };
        command.SetAction(AdminCli.Action(async (result, store, output, cancellationToken) =>
        {
            var organisations = await store.ListOrganisationsAsync(cancellationToken).ConfigureAwait(false);
            await TableWriter.WriteAsync(output, result.GetValue(AdminCli.Json), organisations, ["OIN", "NAME", "KIND", "REGION", "ENABLED"], o =>
                [o.Oin, o.Name, o.Kind.ToWireName(), o.RmcRegion ?? "-", o.Enabled ? "yes" : "no"]).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command SetEnabled(string verb, bool enabled)
    {
        var oin = new Option<string>("--oin") { Description = "OIN of the organisation.", Required = true };
        var command = new Command(verb, enabled ? "Enable an organisation." : "Disable an organisation: all its clients are refused at once.") { oin };
        command.SetAction(AdminCli.Action(async (result, store, output, cancellationToken) =>
        {
            var value = result.GetValue(oin)!;
            if (!await store.SetOrganisationEnabledAsync(value, enabled, cancellationToken).ConfigureAwait(false))
            {
                throw new AdminException($"No organisation with OIN {value}.");
            }

            await output.WriteLineAsync($"Organisation {value} {verb}d.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
