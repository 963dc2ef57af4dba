using System.CommandLine;
using Interop.Contracts.V1;
using Interop.Federation.Registry;

namespace Interop.Admin;

/// <summary><c>partners add | list | enable | disable | set-services</c>.</summary>
internal static class PartnerCommands
{
    public static Command Create()
    {
        var partners = new Command("partners", "Organisations registered with the hub.");
        partners.Subcommands.Add(Add());
        partners.Subcommands.Add(List());
        partners.Subcommands.Add(SetEnabled("enable", true));
        partners.Subcommands.Add(SetEnabled("disable", false));
        partners.Subcommands.Add(SetServices());
        return partners;
    }

    private static Command Add()
    {
        var oin = new Option<string>("--oin") { Description = "OIN: 20 digits with a known prefix.", Required = true };
        var name = new Option<string>("--name") { Description = "Display name.", Required = true };
        var kind = new Option<string>("--kind") { Description = "One of: " + string.Join(", ", OrganisationKinds.WireNames) + ".", Required = true };
        kind.AcceptOnlyFromAmong([.. OrganisationKinds.WireNames]);
        var region = new Option<string?>("--region") { Description = "RMC region code, e.g. RMC23." };
        var leefgebieden = LeefgebiedenOption("The leefgebieden it accepts referrals for, comma separated (default: none).");
        var handovers = new Option<bool>("--accepts-handovers") { Description = "It takes plan handovers (can hold a plan and its regisseur)." };
        var command = new Command("add", "Register an organisation.") { oin, name, kind, region, leefgebieden, handovers };
        command.SetAction(AdminCli.Action(async (result, store, output, cancellationToken) =>
        {
            OrganisationKinds.TryParse(result.GetValue(kind), out var parsedKind);
            var organisation = new Organisation(result.GetValue(oin)!, result.GetValue(name)!, parsedKind, result.GetValue(region))
            {
                ReferralLeefgebieden = ParseLeefgebieden(result.GetValue(leefgebieden)),
                AcceptsHandovers = result.GetValue(handovers),
            };
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
            var organisations = (await store.ListOrganisationsAsync(cancellationToken).ConfigureAwait(false))
                .Select(o => new
                {
                    o.Oin,
                    o.Name,
                    Kind = o.Kind.ToWireName(),
                    o.RmcRegion,
                    o.Enabled,
                    ReferralLeefgebieden = o.ReferralLeefgebieden.Select(l => l.ToWireName()).ToArray(),
                    o.AcceptsHandovers,
                })
                .ToList();
            await TableWriter.WriteAsync(output, result.GetValue(AdminCli.Json), organisations, ["OIN", "NAME", "KIND", "REGION", "ENABLED", "REFERRALS", "HANDOVERS"], o =>
                [o.Oin, o.Name, o.Kind, o.RmcRegion ?? "-", o.Enabled ? "yes" : "no", o.ReferralLeefgebieden.Length == 0 ? "-" : string.Join(',', o.ReferralLeefgebieden), o.AcceptsHandovers ? "yes" : "no"]).ConfigureAwait(false);
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

    private static Command SetServices()
    {
        var oin = new Option<string>("--oin") { Description = "OIN of the organisation.", Required = true };
        var leefgebieden = LeefgebiedenOption("The leefgebieden it accepts referrals for from now on, comma separated; 'none' for none. Omitted: unchanged.");
        var handovers = new Option<bool>("--accepts-handovers") { Description = "Whether it takes plan handovers: --accepts-handovers (true) or --accepts-handovers false. Omitted: unchanged." };
        var command = new Command("set-services", "Change which referrals an organisation accepts and whether it takes plan handovers.") { oin, leefgebieden, handovers };
        command.SetAction(AdminCli.Action(async (result, store, output, cancellationToken) =>
        {
            var value = result.GetValue(oin)!;
            var leefgebiedenGiven = result.GetResult(leefgebieden) is { Implicit: false };
            var handoversGiven = result.GetResult(handovers) is { Implicit: false };
            if (!leefgebiedenGiven && !handoversGiven)
            {
                throw new AdminException("Nothing to change: give --referral-leefgebieden, --accepts-handovers or both.");
            }

            var parsed = leefgebiedenGiven ? ParseLeefgebieden(result.GetValue(leefgebieden)) : null;
            var current = await store.GetOrganisationAsync(value, cancellationToken).ConfigureAwait(false)
                ?? throw new AdminException($"No organisation with OIN {value}.");
            var newLeefgebieden = parsed ?? current.ReferralLeefgebieden;
            var newHandovers = handoversGiven ? result.GetValue(handovers) : current.AcceptsHandovers;
            if (!await store.UpdateOrganisationServicesAsync(value, newLeefgebieden, newHandovers, cancellationToken).ConfigureAwait(false))
            {
                throw new AdminException($"No organisation with OIN {value}.");
            }

            var referrals = newLeefgebieden.Count == 0 ? "no referrals" : "referrals for " + string.Join(',', newLeefgebieden.Order().Select(l => l.ToWireName()));
            await output.WriteLineAsync($"Organisation {value} accepts {referrals}; {(newHandovers ? "takes" : "does not take")} plan handovers.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Option<string?> LeefgebiedenOption(string description) =>
        new("--referral-leefgebieden") { Description = description + " One or more of: " + string.Join(", ", Leefgebieden.WireNames) + "." };

    /// <summary>Parses "zorg,wonen" (commas or spaces; "none" or empty: none); every unknown name is reported at once.</summary>
    private static Leefgebied[] ParseLeefgebieden(string? value)
    {
        var names = (value ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names is ["none"] || names.Length == 0)
        {
            return [];
        }

        var unknown = names.Where(n => !Leefgebieden.TryParse(n, out _)).ToList();
        if (unknown.Count > 0)
        {
            throw new AdminException($"Unknown leefgebied {string.Join(", ", unknown.Select(n => "'" + n + "'"))}; known: {string.Join(", ", Leefgebieden.WireNames)}.");
        }

        // Duplicates are left in: the registry refuses them with its own message.
        return names.Select(n => Leefgebieden.TryParse(n, out var l) ? l : default).ToArray();
    }
}
