using Google.Protobuf.Reflection;
using Interop.Contracts.V1;
using Label = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Label;
using ProtoType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Interop.Contracts.Tests.Compatibility;

public sealed class BreakingChangeCheckerTests
{
    // Each mutation of the synthetic contract and a fragment of the one break it must produce.
    private static readonly Dictionary<string, (Action<FileDescriptorProto> Mutate, string Expected)> Breaks = new()
    {
        ["message removed"] = (f => f.MessageType.Remove(f.MessageType.Single(m => m.Name == "Other")), "message t.v1.Other was removed"),
        ["field removed"] = (f => f.MessageType[0].Field.Remove(f.ThingField("counts")), "field t.v1.Thing.counts (= 2) was removed"),
        ["field renumbered"] = (f => f.ThingField("name").Number = 7, "field t.v1.Thing.name (= 1) was renumbered to 7"),
        ["field renamed"] = (f => f.ThingField("name").Name = "title", "field t.v1.Thing.name (= 1) changed name from 'name' to 'title'"),
        ["field scalar type changed"] = (f => f.ThingField("name").Type = ProtoType.Bytes, "changed type from 'string' to 'bytes'"),
        ["field message type changed"] = (f => f.ThingField("b").TypeName = ".t.v1.Thing", "changed type from 'message t.v1.Other' to 'message t.v1.Thing'"),
        ["field made repeated"] = (f => f.ThingField("name").Label = Label.Repeated, "field t.v1.Thing.name (= 1) changed label from 'singular' to 'repeated'"),
        ["field lost optional"] = (f => LoseOptional(f), "field t.v1.Thing.kind (= 3) changed label from 'optional' to 'singular'"),
        ["field left oneof"] = (f => f.ThingField("a").ClearOneofIndex(), "field t.v1.Thing.a (= 4) changed oneof from 'choice' to (none)"),
        ["personal_data removed"] = (f => f.ThingField("bsn").Options.ClearExtension(OptionsExtensions.PersonalData), "field t.v1.Thing.bsn (= 6) lost its personal_data marking"),
        ["data_category changed"] = (f => f.ThingField("bsn").Options.SetExtension(OptionsExtensions.DataCategory, DataCategory.Identifying), "changed data_category from 'DATA_CATEGORY_BSN' to 'DATA_CATEGORY_IDENTIFYING'"),
        ["enum removed"] = (f => f.EnumType.Clear(), "enum t.v1.Kind was removed"),
        ["enum value removed"] = (f => f.EnumType[0].Value.RemoveAt(1), "enum value t.v1.Kind.KIND_A (= 1) was removed"),
        ["enum value renumbered"] = (f => f.EnumType[0].Value[1].Number = 2, "enum value t.v1.Kind.KIND_A (= 1) was removed"),
        ["enum value renamed"] = (f => f.EnumType[0].Value[1].Name = "KIND_B", "enum value t.v1.Kind.KIND_A (= 1) was renamed to KIND_B"),
        ["service removed"] = (f => f.Service.Clear(), "service t.v1.ThingService was removed"),
        ["method removed"] = (f => f.Service[0].Method.RemoveAt(0), "method t.v1.ThingService.Get was removed"),
        ["method input changed"] = (f => f.Service[0].Method[0].InputType = ".t.v1.Other", "method t.v1.ThingService.Get changed input type from 't.v1.Thing' to 't.v1.Other'"),
        ["method output changed"] = (f => f.Service[0].Method[0].OutputType = ".t.v1.Thing", "method t.v1.ThingService.Get changed output type from 't.v1.Other' to 't.v1.Thing'"),
        ["method became client streaming"] = (f => f.Service[0].Method[0].ClientStreaming = true, "method t.v1.ThingService.Get changed client streaming from 'False' to 'True'"),
        ["method stopped server streaming"] = (f => f.Service[0].Method[1].ServerStreaming = false, "method t.v1.ThingService.Watch changed server streaming from 'True' to 'False'"),
        ["method scope changed"] = (f => f.Service[0].Method[0].Options.SetExtension(OptionsExtensions.RequiredScope, "things.write"), "method t.v1.ThingService.Get changed required_scope from 'things.read' to 'things.write'"),
        ["method scope removed"] = (f => f.Service[0].Method[0].Options.ClearExtension(OptionsExtensions.RequiredScope), "method t.v1.ThingService.Get changed required_scope from 'things.read' to (none)"),
    };

    public static TheoryData<string> BreakNames => new(Breaks.Keys);

    [Theory]
    [MemberData(nameof(BreakNames))]
    public void Check_BreakingChange_IsReportedOnce(string name)
    {
        var (mutate, expected) = Breaks[name];
        var after = SyntheticContract.Create();
        mutate(after);

        var breaks = BreakingChangeChecker.Check(SyntheticContract.Snapshot(SyntheticContract.Create()), SyntheticContract.Snapshot(after));

        var single = Assert.Single(breaks);
        Assert.Contains(expected, single, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SameContract_ReportsNothing()
    {
        var breaks = BreakingChangeChecker.Check(SyntheticContract.Snapshot(SyntheticContract.Create()), SyntheticContract.Snapshot(SyntheticContract.Create()));

        Assert.Empty(breaks);
    }

    [Fact]
    public void Check_Additions_ReportNothing()
    {
        var after = SyntheticContract.Create();
        after.MessageType[0].Field.Add(new FieldDescriptorProto { Name = "note", Number = 9, Type = ProtoType.String, Label = Label.Optional });
        after.MessageType.Add(new DescriptorProto { Name = "Extra" });
        after.EnumType[0].Value.Add(new EnumValueDescriptorProto { Name = "KIND_B", Number = 2 });
        after.EnumType.Add(new EnumDescriptorProto { Name = "Colour", Value = { new EnumValueDescriptorProto { Name = "COLOUR_UNSPECIFIED", Number = 0 } } });
        after.Service[0].Method.Add(new MethodDescriptorProto { Name = "List", InputType = ".t.v1.Thing", OutputType = ".t.v1.Other" });
        after.Service.Add(new ServiceDescriptorProto { Name = "OtherService" });
        // Marking a field as personal data, and moving a message to another file, are not breaks either.
        after.ThingField("name").Options = new FieldOptions();
        after.ThingField("name").Options.SetExtension(OptionsExtensions.PersonalData, true);
        var moved = SyntheticContract.Create();
        moved.Name = "t/v1/other_file.proto";

        var before = SyntheticContract.Snapshot(SyntheticContract.Create());

        Assert.Empty(BreakingChangeChecker.Check(before, SyntheticContract.Snapshot(after)));
        Assert.Empty(BreakingChangeChecker.Check(before, SyntheticContract.Snapshot(moved)));
    }

    [Fact]
    public void Check_SeveralBreaks_ReportsEveryOne()
    {
        var after = SyntheticContract.Create();
        after.Service.Clear();
        after.EnumType.Clear();
        after.MessageType[0].Field.Remove(after.ThingField("name"));

        var breaks = BreakingChangeChecker.Check(SyntheticContract.Snapshot(SyntheticContract.Create()), SyntheticContract.Snapshot(after));

        Assert.Equal(3, breaks.Count);
    }

    [Fact]
    public void Check_ThroughJsonSnapshot_StillFindsBreak()
    {
        // The committed snapshot is JSON: a break must survive the round trip through it.
        var before = ContractSnapshotJson.Deserialize(ContractSnapshotJson.Serialize(SyntheticContract.Snapshot(SyntheticContract.Create())));
        var after = SyntheticContract.Create();
        after.ThingField("bsn").Type = ProtoType.Int64;

        var breaks = BreakingChangeChecker.Check(before, SyntheticContract.Snapshot(after));

        Assert.Contains("field t.v1.Thing.bsn (= 6) changed type from 'string' to 'int64'", Assert.Single(breaks), StringComparison.Ordinal);
    }

    private static void LoseOptional(FileDescriptorProto file)
    {
        var kind = file.ThingField("kind");
        kind.Proto3Optional = false;
        kind.ClearOneofIndex();
        file.MessageType[0].OneofDecl.RemoveAt(1);
    }
}
