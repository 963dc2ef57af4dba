using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Interop.Contracts.Tests.Compatibility;

/// <summary>
/// Reads and writes the snapshot as JSON with a stable order and one line per field, enum value and method, so a
/// review diff shows exactly which element changed.
/// </summary>
internal static class ContractSnapshotJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Defaults (false, null) are left out so the lines stay short; reading fills them back in.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    /// <summary>The snapshot as JSON text, ending in a newline.</summary>
    public static string Serialize(ContractSnapshot snapshot)
    {
        // Written by hand: Utf8JsonWriter indents every property or none, and one element per line reads best.
        var json = new StringBuilder("{\n");
        WriteSection(json, "messages", snapshot.Messages, m => m.File, "fields", m => m.Fields, last: false);
        WriteSection(json, "enums", snapshot.Enums, e => e.File, "values", e => e.Values, last: false);
        WriteSection(json, "services", snapshot.Services, s => s.File, "methods", s => s.Methods, last: true);
        return json.Append("}\n").ToString();
    }

    /// <summary>Parses snapshot JSON; the dictionaries use ordinal key order like freshly built ones.</summary>
    public static ContractSnapshot Deserialize(string json)
    {
        var parsed = JsonSerializer.Deserialize<ContractSnapshot>(json, Options)
            ?? throw new InvalidDataException("The contract snapshot is empty.");
        return new ContractSnapshot(
            new(parsed.Messages ?? new(), StringComparer.Ordinal),
            new(parsed.Enums ?? new(), StringComparer.Ordinal),
            new(parsed.Services ?? new(), StringComparer.Ordinal));
    }

    private static void WriteSection<TShape, TItem>(
        StringBuilder json,
        string section,
        SortedDictionary<string, TShape> shapes,
        Func<TShape, string> file,
        string itemsName,
        Func<TShape, List<TItem>> items,
        bool last)
    {
        json.Append($"  {Quote(section)}: {{\n");
        var count = 0;
        foreach (var (name, shape) in shapes)
        {
            json.Append($"    {Quote(name)}: {{\n      \"file\": {Quote(file(shape))},\n      {Quote(itemsName)}: [");
            var list = items(shape);
            for (var i = 0; i < list.Count; i++)
            {
                json.Append(i == 0 ? "\n" : ",\n").Append("        ").Append(JsonSerializer.Serialize(list[i], Options));
            }

            json.Append(list.Count == 0 ? "]\n" : "\n      ]\n");
            json.Append(++count == shapes.Count ? "    }\n" : "    },\n");
        }

        json.Append(last ? "  }\n" : "  },\n");
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
