using Google.Protobuf;
using Google.Protobuf.Reflection;
using Interop.Contracts.V1;

namespace Interop.Contracts.Tests.Compatibility;

/// <summary>Builds a <see cref="ContractSnapshot"/> from file descriptors (compiled ones or synthetic test ones).</summary>
internal static class ContractSnapshotBuilder
{
    /// <summary>The snapshot of the given files. Options must have been parsed with <see cref="OptionsRegistry"/>.</summary>
    public static ContractSnapshot Build(IEnumerable<FileDescriptorProto> files)
    {
        var snapshot = ContractSnapshot.Empty();
        foreach (var file in files)
        {
            var prefix = file.Package.Length == 0 ? "" : file.Package + ".";
            foreach (var message in file.MessageType)
            {
                AddMessage(snapshot, file.Name, prefix + message.Name, message);
            }

            foreach (var enumType in file.EnumType)
            {
                AddEnum(snapshot, file.Name, prefix + enumType.Name, enumType);
            }

            foreach (var service in file.Service)
            {
                var methods = service.Method
                    .Select(m => new ContractSnapshot.MethodShape(
                        m.Name,
                        TrimDot(m.InputType),
                        TrimDot(m.OutputType),
                        m.ClientStreaming,
                        m.ServerStreaming,
                        m.Options is { } o && o.HasExtension(OptionsExtensions.RequiredScope) ? o.GetExtension(OptionsExtensions.RequiredScope) : null))
                    .OrderBy(m => m.Name, StringComparer.Ordinal)
                    .ToList();
                snapshot.Services.Add(prefix + service.Name, new(file.Name, methods));
            }
        }

        return snapshot;
    }

    /// <summary>The interop.v1 options, so parsing a FileDescriptorProto keeps them as extensions instead of unknown fields.</summary>
    public static ExtensionRegistry OptionsRegistry { get; } = new()
    {
        OptionsExtensions.RequiredScope,
        OptionsExtensions.PersonalData,
        OptionsExtensions.DataCategory,
    };

    private static void AddMessage(ContractSnapshot snapshot, string file, string fullName, DescriptorProto message)
    {
        var fields = message.Field
            .Select(f => new ContractSnapshot.FieldShape(
                f.Number,
                f.Name,
                TypeOf(f),
                LabelOf(f),
                f.HasOneofIndex && !f.Proto3Optional ? message.OneofDecl[f.OneofIndex].Name : null,
                f.Options?.GetExtension(OptionsExtensions.PersonalData) ?? false,
                f.Options is { } o && o.HasExtension(OptionsExtensions.DataCategory) ? CategoryName(o.GetExtension(OptionsExtensions.DataCategory)) : null))
            .OrderBy(f => f.Number)
            .ToList();
        snapshot.Messages.Add(fullName, new(file, fields));

        foreach (var nested in message.NestedType)
        {
            AddMessage(snapshot, file, fullName + "." + nested.Name, nested);
        }

        foreach (var nestedEnum in message.EnumType)
        {
            AddEnum(snapshot, file, fullName + "." + nestedEnum.Name, nestedEnum);
        }
    }

    private static void AddEnum(ContractSnapshot snapshot, string file, string fullName, EnumDescriptorProto enumType)
    {
        var values = enumType.Value
            .Select(v => new ContractSnapshot.EnumValueShape(v.Number, v.Name))
            .OrderBy(v => v.Number)
            .ThenBy(v => v.Name, StringComparer.Ordinal)
            .ToList();
        snapshot.Enums.Add(fullName, new(file, values));
    }

    private static string TypeOf(FieldDescriptorProto field) => field.Type switch
    {
        FieldDescriptorProto.Types.Type.Message => "message " + TrimDot(field.TypeName),
        FieldDescriptorProto.Types.Type.Group => "group " + TrimDot(field.TypeName),
        FieldDescriptorProto.Types.Type.Enum => "enum " + TrimDot(field.TypeName),
        var scalar => scalar.ToString().ToLowerInvariant(),
    };

    private static string LabelOf(FieldDescriptorProto field) =>
        field.Label == FieldDescriptorProto.Types.Label.Repeated ? "repeated"
        : field.Proto3Optional ? "optional"
        : field.Label == FieldDescriptorProto.Types.Label.Required ? "required"
        : "singular";

    private static readonly EnumDescriptor DataCategoryDescriptor = OptionsReflection.Descriptor.EnumTypes.Single(e => e.ClrType == typeof(DataCategory));

    // The proto name (DATA_CATEGORY_BSN) rather than the C# one, so the snapshot reads like the .proto.
    private static string CategoryName(DataCategory category) =>
        DataCategoryDescriptor.FindValueByNumber((int)category)?.Name ?? ((int)category).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string TrimDot(string typeName) => typeName.StartsWith('.') ? typeName[1..] : typeName;
}
