using Google.Protobuf;
using Google.Protobuf.Reflection;
using Interop.Contracts.V1;
using Label = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Label;
using ProtoType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Interop.Contracts.Tests.Compatibility;

/// <summary>
/// A small synthetic contract for testing the checker, equivalent to:
/// <code>
/// package t.v1;
/// message Thing {
///   string name = 1;
///   repeated int64 counts = 2;
///   optional Kind kind = 3;
///   oneof choice { string a = 4; Other b = 5; }
///   string bsn = 6 [(personal_data) = true, (data_category) = DATA_CATEGORY_BSN];
/// }
/// message Other {}
/// enum Kind { KIND_UNSPECIFIED = 0; KIND_A = 1; }
/// service ThingService {
///   rpc Get(Thing) returns (Other) { option (required_scope) = "things.read"; }
///   rpc Watch(Thing) returns (stream Other) { option (required_scope) = "things.read"; }
/// }
/// </code>
/// </summary>
internal static class SyntheticContract
{
    /// <summary>A fresh copy of the contract; mutate it freely.</summary>
    public static FileDescriptorProto Create()
    {
        var thing = new DescriptorProto { Name = "Thing" };
        thing.OneofDecl.Add(new OneofDescriptorProto { Name = "choice" });
        thing.OneofDecl.Add(new OneofDescriptorProto { Name = "_kind" });
        thing.Field.Add(Field("name", 1, ProtoType.String));
        thing.Field.Add(Field("counts", 2, ProtoType.Int64, Label.Repeated));
        var kind = Field("kind", 3, ProtoType.Enum, typeName: ".t.v1.Kind");
        kind.Proto3Optional = true;
        kind.OneofIndex = 1;
        thing.Field.Add(kind);
        var a = Field("a", 4, ProtoType.String);
        a.OneofIndex = 0;
        thing.Field.Add(a);
        var b = Field("b", 5, ProtoType.Message, typeName: ".t.v1.Other");
        b.OneofIndex = 0;
        thing.Field.Add(b);
        var bsn = Field("bsn", 6, ProtoType.String);
        bsn.Options = new FieldOptions();
        bsn.Options.SetExtension(OptionsExtensions.PersonalData, true);
        bsn.Options.SetExtension(OptionsExtensions.DataCategory, DataCategory.Bsn);
        thing.Field.Add(bsn);

        var kindEnum = new EnumDescriptorProto { Name = "Kind" };
        kindEnum.Value.Add(new EnumValueDescriptorProto { Name = "KIND_UNSPECIFIED", Number = 0 });
        kindEnum.Value.Add(new EnumValueDescriptorProto { Name = "KIND_A", Number = 1 });

        var service = new ServiceDescriptorProto { Name = "ThingService" };
        service.Method.Add(Method("Get", serverStreaming: false));
        service.Method.Add(Method("Watch", serverStreaming: true));

        var file = new FileDescriptorProto { Name = "t/v1/thing.proto", Package = "t.v1", Syntax = "proto3" };
        file.MessageType.Add(thing);
        file.MessageType.Add(new DescriptorProto { Name = "Other" });
        file.EnumType.Add(kindEnum);
        file.Service.Add(service);

        // Through the wire and back, as the compiled descriptors are read: the options must survive as extensions.
        return FileDescriptorProto.Parser.WithExtensionRegistry(ContractSnapshotBuilder.OptionsRegistry).ParseFrom(file.ToByteArray());
    }

    /// <summary>The snapshot of a (possibly mutated) contract.</summary>
    public static ContractSnapshot Snapshot(FileDescriptorProto file) => ContractSnapshotBuilder.Build([file]);

    /// <summary>The field of Thing with this name.</summary>
    public static FieldDescriptorProto ThingField(this FileDescriptorProto file, string name) =>
        file.MessageType.Single(m => m.Name == "Thing").Field.Single(f => f.Name == name);

    private static FieldDescriptorProto Field(string name, int number, ProtoType type, Label label = Label.Optional, string? typeName = null)
    {
        var field = new FieldDescriptorProto { Name = name, JsonName = name, Number = number, Type = type, Label = label };
        if (typeName is not null)
        {
            field.TypeName = typeName;
        }

        return field;
    }

    private static MethodDescriptorProto Method(string name, bool serverStreaming)
    {
        var method = new MethodDescriptorProto
        {
            Name = name,
            InputType = ".t.v1.Thing",
            OutputType = ".t.v1.Other",
            ServerStreaming = serverStreaming,
            Options = new MethodOptions(),
        };
        method.Options.SetExtension(OptionsExtensions.RequiredScope, "things.read");
        return method;
    }
}
