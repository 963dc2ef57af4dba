namespace Interop.Contracts.Tests.Compatibility;

/// <summary>
/// Compares two snapshots and lists every change that breaks an existing client or server: on the wire (binary or
/// the JSON mapping, which uses field and enum value names), in generated code, or in the authorization and data
/// protection contract. Additions never break.
/// </summary>
/// <remarks>
/// Breaking: a removed message, enum or service; a removed or renamed field (by number), a changed field type,
/// label or oneof; a removed or renamed enum value (by number); a removed method or a changed input, output,
/// streaming or required_scope; a field that loses its personal_data marking or changes data_category.
/// </remarks>
internal static class BreakingChangeChecker
{
    /// <summary>Every breaking change from <paramref name="before"/> to <paramref name="after"/>, in a stable order.</summary>
    public static IReadOnlyList<string> Check(ContractSnapshot before, ContractSnapshot after)
    {
        var breaks = new List<string>();
        foreach (var (name, oldMessage) in before.Messages)
        {
            if (!after.Messages.TryGetValue(name, out var newMessage))
            {
                breaks.Add($"message {name} was removed");
                continue;
            }

            CheckFields(name, oldMessage, newMessage, breaks);
        }

        foreach (var (name, oldEnum) in before.Enums)
        {
            if (!after.Enums.TryGetValue(name, out var newEnum))
            {
                breaks.Add($"enum {name} was removed");
                continue;
            }

            foreach (var oldValue in oldEnum.Values)
            {
                var newValue = newEnum.Values.FirstOrDefault(v => v.Number == oldValue.Number);
                if (newValue is null)
                {
                    breaks.Add($"enum value {name}.{oldValue.Name} (= {oldValue.Number}) was removed");
                }
                else if (newValue.Name != oldValue.Name)
                {
                    breaks.Add($"enum value {name}.{oldValue.Name} (= {oldValue.Number}) was renamed to {newValue.Name}");
                }
            }
        }

        foreach (var (name, oldService) in before.Services)
        {
            if (!after.Services.TryGetValue(name, out var newService))
            {
                breaks.Add($"service {name} was removed");
                continue;
            }

            foreach (var oldMethod in oldService.Methods)
            {
                var newMethod = newService.Methods.FirstOrDefault(m => m.Name == oldMethod.Name);
                if (newMethod is null)
                {
                    breaks.Add($"method {name}.{oldMethod.Name} was removed");
                    continue;
                }

                var method = $"method {name}.{oldMethod.Name}";
                Compare(breaks, method, "input type", oldMethod.InputType, newMethod.InputType);
                Compare(breaks, method, "output type", oldMethod.OutputType, newMethod.OutputType);
                Compare(breaks, method, "client streaming", oldMethod.ClientStreaming, newMethod.ClientStreaming);
                Compare(breaks, method, "server streaming", oldMethod.ServerStreaming, newMethod.ServerStreaming);
                Compare(breaks, method, "required_scope", oldMethod.RequiredScope, newMethod.RequiredScope);
            }
        }

        return breaks;
    }

    private static void CheckFields(string messageName, ContractSnapshot.MessageShape before, ContractSnapshot.MessageShape after, List<string> breaks)
    {
        foreach (var oldField in before.Fields)
        {
            var field = $"field {messageName}.{oldField.Name} (= {oldField.Number})";
            var newField = after.Fields.FirstOrDefault(f => f.Number == oldField.Number);
            if (newField is null)
            {
                // A field that kept its name but got another number is a removal too: old peers still send the old one.
                var moved = after.Fields.FirstOrDefault(f => f.Name == oldField.Name);
                breaks.Add(moved is null
                    ? $"{field} was removed"
                    : $"{field} was renumbered to {moved.Number}");
                continue;
            }

            Compare(breaks, field, "name", oldField.Name, newField.Name);
            Compare(breaks, field, "type", oldField.Type, newField.Type);
            Compare(breaks, field, "label", oldField.Label, newField.Label);
            Compare(breaks, field, "oneof", oldField.Oneof, newField.Oneof);
            if (oldField.PersonalData && !newField.PersonalData)
            {
                breaks.Add($"{field} lost its personal_data marking");
            }
            else if (oldField.DataCategory is not null)
            {
                Compare(breaks, field, "data_category", oldField.DataCategory, newField.DataCategory);
            }
        }
    }

    private static void Compare<T>(List<string> breaks, string subject, string what, T before, T after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
        {
            breaks.Add($"{subject} changed {what} from {Show(before)} to {Show(after)}");
        }
    }

    private static string Show<T>(T value) => value is null ? "(none)" : $"'{value}'";
}
