using System.Text.Json.Serialization;

namespace Interop.Contracts.Tests.Compatibility;

/// <summary>
/// The facts of a set of .proto files that decide wire and API compatibility, keyed by full name so a type may move
/// between files without counting as a change. Serialized as the committed, reviewable JSON snapshot.
/// </summary>
internal sealed record ContractSnapshot(
    SortedDictionary<string, ContractSnapshot.MessageShape> Messages,
    SortedDictionary<string, ContractSnapshot.EnumShape> Enums,
    SortedDictionary<string, ContractSnapshot.ServiceShape> Services)
{
    /// <summary>A message: its fields by number.</summary>
    internal sealed record MessageShape(string File, List<FieldShape> Fields);

    /// <summary>
    /// A field. Type is a scalar keyword ("string", "int64") or "message pkg.Type" / "enum pkg.Type"; Label is
    /// "singular", "optional" (proto3 explicit presence) or "repeated"; Oneof names a real (not synthetic) oneof.
    /// </summary>
    internal sealed record FieldShape(
        int Number,
        string Name,
        string Type,
        string Label,
        string? Oneof = null,
        bool PersonalData = false,
        string? DataCategory = null);

    /// <summary>An enum: its values by number.</summary>
    internal sealed record EnumShape(string File, List<EnumValueShape> Values);

    /// <summary>An enum value.</summary>
    internal sealed record EnumValueShape(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int Number, // 0 is a real value here: always written.
        string Name);

    /// <summary>A service: its methods by name.</summary>
    internal sealed record ServiceShape(string File, List<MethodShape> Methods);

    /// <summary>A method with its interop.v1.required_scope (null when it declares none).</summary>
    internal sealed record MethodShape(
        string Name,
        string InputType,
        string OutputType,
        bool ClientStreaming = false,
        bool ServerStreaming = false,
        string? RequiredScope = null);

    /// <summary>An empty snapshot.</summary>
    public static ContractSnapshot Empty() =>
        new(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));
}
