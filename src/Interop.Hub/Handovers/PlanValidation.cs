using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.Federation.Registry;
using Interop.Hub.Calls;
using Interop.Hub.PartnerDirectory;

namespace Interop.Hub.Handovers;

/// <summary>
/// Checks the parts of handover requests (handovers.proto field rules); every problem goes to one
/// <see cref="Violations"/>, so a caller learns every bad field at once. Returns cleaned copies of what it checked:
/// output-only fields (organisation, since_time) cleared.
/// </summary>
internal static partial class PlanValidation
{
    /// <summary>At most this many goals and this many agreements per plan: a hub limit that keeps one plan one row.</summary>
    public const int MaxItems = 200;

    private const int MaxIdLength = 64;
    private const int MaxDescriptionLength = 2000;
    private const int MaxNameLength = 200;

    /// <summary>
    /// The regisseur of a request, in the caller's organisation: team and contact_name at most 200 characters, at least
    /// one of them given (a regisseur must be reachable), phone number E.164, e-mail an addr-spec.
    /// </summary>
    public static Regisseur? Regisseur(Regisseur? regisseur, string field, Violations violations)
    {
        if (regisseur is null)
        {
            violations.Add(field, "Required: the regisseur in your organisation (team and/or contact_name).");
            return null;
        }

        var before = violations.Items.Count;
        if (regisseur.Team.Length > MaxNameLength)
        {
            violations.Add(field + ".team", "At most 200 characters.");
        }

        if (regisseur.ContactName.Length > MaxNameLength)
        {
            violations.Add(field + ".contact_name", "At most 200 characters.");
        }

        if (string.IsNullOrWhiteSpace(regisseur.Team) && string.IsNullOrWhiteSpace(regisseur.ContactName))
        {
            violations.Add(field, "Give the regisseur's team or contact_name (or both).");
        }

        if (regisseur.ContactPhoneNumber.Length > 0 && !E164().IsMatch(regisseur.ContactPhoneNumber))
        {
            violations.Add(field + ".contact_phone_number", "Not a phone number in E.164 form (e.g. +31534811111).");
        }

        if (regisseur.ContactEmailAddress.Length > 0 && !IsEmailAddress(regisseur.ContactEmailAddress))
        {
            violations.Add(field + ".contact_email_address", "Not an e-mail address (local-part@domain).");
        }

        return violations.Items.Count > before ? null : new Regisseur
        {
            Team = regisseur.Team,
            ContactName = regisseur.ContactName,
            ContactPhoneNumber = regisseur.ContactPhoneNumber,
            ContactEmailAddress = regisseur.ContactEmailAddress,
        };
    }

    /// <summary>The goals of a RecordPlan request: ids 1-64 characters and unique, leefgebied and state set, description 1-2000 characters.</summary>
    public static List<PlanGoal> Goals(IReadOnlyList<PlanGoal> goals, Violations violations)
    {
        if (goals.Count > MaxItems)
        {
            violations.Add("goals", "At most 200 goals.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < goals.Count; i++)
        {
            var goal = goals[i];
            var field = $"goals[{i}]";
            Id(goal.GoalId, field + ".goal_id", ids, violations);
            if (goal.Leefgebied == Leefgebied.Unspecified || !System.Enum.IsDefined(goal.Leefgebied))
            {
                violations.Add(field + ".leefgebied", "Required: one of the defined leefgebieden.");
            }

            Description(goal.Description, field + ".description", violations);
            if (goal.State == PlanGoalState.Unspecified || !System.Enum.IsDefined(goal.State))
            {
                violations.Add(field + ".state", "Required: OPEN, IN_PROGRESS, REACHED or DROPPED.");
            }

            Time(goal.TargetTime, field + ".target_time", violations);
        }

        return goals.Select(g => g.Clone()).ToList();
    }

    /// <summary>
    /// The agreements of a RecordPlan request: ids 1-64 characters and unique, description 1-2000 characters, the
    /// responsible organisation (when set) an enabled partner. Only responsible.oin is kept (the rest is output only).
    /// </summary>
    public static async Task<List<PlanAgreement>> AgreementsAsync(IReadOnlyList<PlanAgreement> agreements, PartnerLookup partners, Violations violations, CancellationToken cancellationToken)
    {
        if (agreements.Count > MaxItems)
        {
            violations.Add("agreements", "At most 200 agreements.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<PlanAgreement>(agreements.Count);
        for (var i = 0; i < agreements.Count; i++)
        {
            var agreement = agreements[i];
            var field = $"agreements[{i}]";
            Id(agreement.AgreementId, field + ".agreement_id", ids, violations);
            Description(agreement.Description, field + ".description", violations);
            Time(agreement.DueTime, field + ".due_time", violations);
            var cleaned = new PlanAgreement { AgreementId = agreement.AgreementId, Description = agreement.Description, DueTime = agreement.DueTime };
            if (agreement.Responsible is { } responsible)
            {
                if (Oin.Validate(responsible.Oin) is { } error)
                {
                    violations.Add(field + ".responsible.oin", error);
                }
                else if (await partners.FindEnabledAsync(responsible.Oin, cancellationToken).ConfigureAwait(false) is null)
                {
                    violations.Add(field + ".responsible.oin", "Not an enabled partner of the hub.");
                }
                else
                {
                    cleaned.Responsible = new OrganisationRef { Oin = responsible.Oin };
                }
            }

            result.Add(cleaned);
        }

        return result;
    }

    /// <summary>A hub identifier (a UUID in canonical lower-case form).</summary>
    public static bool HubId(string value, string field, Violations violations)
    {
        if (value.Length == 36 && Guid.TryParseExact(value, "D", out var id) && id.ToString("D") == value)
        {
            return true;
        }

        violations.Add(field, value.Length == 0 ? "Required." : "Not an identifier issued by the hub (a lower-case UUID).");
        return false;
    }

    /// <summary>An optional timestamp: when set, a valid one (seconds and nanos in range).</summary>
    public static void Time(Timestamp? time, string field, Violations violations)
    {
        // Timestamp's own bounds: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
        if (time is not null && (time.Seconds < -62135596800 || time.Seconds > 253402300799 || time.Nanos is < 0 or > 999_999_999))
        {
            violations.Add(field, "Not a valid timestamp.");
        }
    }

    /// <summary>Free text of 1 to <paramref name="maxLength"/> characters.</summary>
    public static void Description(string value, string field, Violations violations, int maxLength = MaxDescriptionLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(field, "Required.");
        }
        else if (value.Length > maxLength)
        {
            violations.Add(field, $"At most {maxLength} characters.");
        }
    }

    private static void Id(string id, string field, HashSet<string> seen, Violations violations)
    {
        if (id.Length is 0 or > MaxIdLength)
        {
            violations.Add(field, "Required: 1 to 64 characters.");
        }
        else if (!seen.Add(id))
        {
            violations.Add(field, "Used twice: ids are unique within the plan.");
        }
    }

    private static bool IsEmailAddress(string value)
    {
        var at = value.LastIndexOf('@');
        return value.Length <= 254 && at is > 0 and <= 64 && at < value.Length - 3
            && !value.Any(char.IsWhiteSpace) && value.IndexOf('@') == at && value[(at + 1)..].Contains('.', StringComparison.Ordinal)
            && !value.EndsWith('.');
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
