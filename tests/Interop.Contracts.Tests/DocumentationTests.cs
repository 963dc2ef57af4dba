using Google.Protobuf.Reflection;

namespace Interop.Contracts.Tests;

/// <summary>
/// Every service, method, message, field, oneof, enum and enum value of interop.v1 has a leading comment. C#
/// descriptors drop comments, so this reads the descriptor set protoc wrote with --include_source_info at build time
/// (see the _WriteContractSourceDescriptorSet target in the project file).
/// </summary>
public sealed class DocumentationTests
{
    // Field numbers of descriptor.proto that make up SourceCodeInfo paths.
    private const int FileMessageType = 4, FileEnumType = 5, FileService = 6;
    private const int MessageField = 2, MessageNestedType = 3, MessageEnumType = 4, MessageOneofDecl = 8;
    private const int EnumValue = 2, ServiceMethod = 2;

    [Fact]
    public void EveryElement_HasLeadingComment()
    {
        var files = CompiledContracts.SourceInfoDescriptorSet().File;

        var undocumented = files.SelectMany(f => Undocumented(f).Select(name => $"{f.Name}: {name}")).ToArray();

        Assert.NotEmpty(files);
        Assert.True(undocumented.Length == 0, "Without a leading comment:\n" + string.Join("\n", undocumented));
    }

    [Fact]
    public void Undocumented_FileWithoutComments_ListsEveryElement()
    {
        // The check itself must be able to fail: strip the comments of a real file and every element is reported.
        var referrals = CompiledContracts.SourceInfoDescriptorSet().File.Single(f => f.Name == "interop/v1/referrals.proto");
        var stripped = referrals.Clone();
        stripped.SourceCodeInfo = null;

        var names = Undocumented(stripped);

        Assert.Empty(Undocumented(referrals));
        Assert.Equal(Elements(referrals).Count(), names.Count);
        Assert.Contains("service ReferralService", names);
        Assert.Contains("method ReferralService.SubmitReferral", names);
        Assert.Contains("field Referral.subject", names);
        Assert.Contains("enum value ReferralStatus.REFERRAL_STATUS_ACCEPTED", names);
    }

    [Fact]
    public void Undocumented_OneofWithoutComment_IsListed()
    {
        var common = CompiledContracts.SourceInfoDescriptorSet().File.Single(f => f.Name == "interop/v1/common.proto").Clone();
        common.SourceCodeInfo = null;

        Assert.Contains("oneof LegalBasis.basis", Undocumented(common));
    }

    [Fact]
    public void Undocumented_OneCommentRemoved_ListsThatElement()
    {
        var referrals = CompiledContracts.SourceInfoDescriptorSet().File.Single(f => f.Name == "interop/v1/referrals.proto").Clone();
        var location = referrals.SourceCodeInfo.Location.First(l => l.Path.SequenceEqual([FileMessageType, 0, MessageField, 3]));
        location.LeadingComments = "";

        Assert.Equal(["field Referral.subject"], Undocumented(referrals));
    }

    private static List<string> Undocumented(FileDescriptorProto file)
    {
        var documented = file.SourceCodeInfo?.Location
            .Where(l => !string.IsNullOrWhiteSpace(l.LeadingComments))
            .Select(l => Key(l.Path))
            .ToHashSet(StringComparer.Ordinal) ?? [];
        return Elements(file).Where(e => !documented.Contains(Key(e.Path))).Select(e => e.Name).ToList();
    }

    private static IEnumerable<(int[] Path, string Name)> Elements(FileDescriptorProto file)
    {
        for (var i = 0; i < file.MessageType.Count; i++)
        {
            foreach (var element in MessageElements(file.MessageType[i], [FileMessageType, i], file.MessageType[i].Name))
            {
                yield return element;
            }
        }

        for (var i = 0; i < file.EnumType.Count; i++)
        {
            foreach (var element in EnumElements(file.EnumType[i], [FileEnumType, i], file.EnumType[i].Name))
            {
                yield return element;
            }
        }

        for (var i = 0; i < file.Service.Count; i++)
        {
            var service = file.Service[i];
            yield return ([FileService, i], $"service {service.Name}");
            for (var j = 0; j < service.Method.Count; j++)
            {
                yield return ([FileService, i, ServiceMethod, j], $"method {service.Name}.{service.Method[j].Name}");
            }
        }
    }

    private static IEnumerable<(int[] Path, string Name)> MessageElements(DescriptorProto message, int[] path, string name)
    {
        yield return (path, $"message {name}");
        for (var j = 0; j < message.Field.Count; j++)
        {
            yield return ([.. path, MessageField, j], $"field {name}.{message.Field[j].Name}");
        }

        for (var j = 0; j < message.OneofDecl.Count; j++)
        {
            // proto3 `optional` creates a synthetic oneof that does not exist in the source.
            var synthetic = message.Field.Any(f => f.Proto3Optional && f.HasOneofIndex && f.OneofIndex == j);
            if (!synthetic)
            {
                yield return ([.. path, MessageOneofDecl, j], $"oneof {name}.{message.OneofDecl[j].Name}");
            }
        }

        for (var j = 0; j < message.NestedType.Count; j++)
        {
            foreach (var element in MessageElements(message.NestedType[j], [.. path, MessageNestedType, j], $"{name}.{message.NestedType[j].Name}"))
            {
                yield return element;
            }
        }

        for (var j = 0; j < message.EnumType.Count; j++)
        {
            foreach (var element in EnumElements(message.EnumType[j], [.. path, MessageEnumType, j], $"{name}.{message.EnumType[j].Name}"))
            {
                yield return element;
            }
        }
    }

    private static IEnumerable<(int[] Path, string Name)> EnumElements(EnumDescriptorProto enumType, int[] path, string name)
    {
        yield return (path, $"enum {name}");
        for (var j = 0; j < enumType.Value.Count; j++)
        {
            yield return ([.. path, EnumValue, j], $"enum value {name}.{enumType.Value[j].Name}");
        }
    }

    private static string Key(IEnumerable<int> path) => string.Join(',', path);
}
