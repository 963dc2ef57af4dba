using Google.Protobuf;
using Google.Protobuf.Compiler;
using Google.Protobuf.Reflection;
using Grpc.Testing;
using Interop.Grpc.Tools.Internal;
using Interop.Testing.Options;

namespace Interop.Grpc.Tools.Tests;

/// <summary>The plugin end to end on in-memory requests, built from the descriptors compiled into this assembly.</summary>
public sealed class CodeGeneratorTests
{
    [Fact]
    public void Generate_FileWithServices_EmitsGrpcFileAndDeclaresProto3Optional()
    {
        var response = CodeGenerator.Generate(Request(TestReflection.Descriptor));

        Assert.Equal(string.Empty, response.Error);
        Assert.Equal((ulong)CodeGeneratorResponse.Types.Feature.Proto3Optional, response.SupportedFeatures);
        var file = Assert.Single(response.File);
        Assert.Equal("grpc/testing/TestGrpc.cs", file.Name);
        Assert.Contains("namespace Grpc.Testing;", file.Content, StringComparison.Ordinal);
        Assert.Contains("public static partial class TestService", file.Content, StringComparison.Ordinal);
        Assert.Contains("public partial class TestServiceClient", file.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_FileWithoutServices_EmitsNothing()
    {
        var response = CodeGenerator.Generate(Request(MessagesReflection.Descriptor));

        Assert.Equal(string.Empty, response.Error);
        Assert.Empty(response.File);
    }

    [Fact]
    public void Generate_NoClient_OmitsClient()
    {
        var content = Assert.Single(CodeGenerator.Generate(Request(TestReflection.Descriptor, "no_client")).File).Content;

        Assert.DoesNotContain("TestServiceClient", content, StringComparison.Ordinal);
        Assert.Contains("TestServiceBase", content, StringComparison.Ordinal);
        Assert.Contains("BindService", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_NoServer_OmitsBaseAndBindService()
    {
        var content = Assert.Single(CodeGenerator.Generate(Request(TestReflection.Descriptor, "no_server")).File).Content;

        Assert.DoesNotContain("TestServiceBase", content, StringComparison.Ordinal);
        Assert.DoesNotContain("BindService", content, StringComparison.Ordinal);
        Assert.Contains("TestServiceClient", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_InternalAccess_MakesServiceClassInternal()
    {
        var content = Assert.Single(CodeGenerator.Generate(Request(TestReflection.Descriptor, "internal_access")).File).Content;

        Assert.Contains("internal static partial class TestService", content, StringComparison.Ordinal);
        Assert.DoesNotContain("public static partial class", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_UnknownOptions_ReportsEveryOneAndEmitsNothing()
    {
        var response = CodeGenerator.Generate(Request(TestReflection.Descriptor, "bogus,no_client,other"));

        Assert.Contains("'bogus'", response.Error, StringComparison.Ordinal);
        Assert.Contains("'other'", response.Error, StringComparison.Ordinal);
        Assert.Empty(response.File);
    }

    [Fact]
    public void Generate_FileToGenerateMissing_ReportsError()
    {
        var request = Request(TestReflection.Descriptor);
        request.FileToGenerate.Add("nope.proto");

        var response = CodeGenerator.Generate(request);

        Assert.Contains("nope.proto", response.Error, StringComparison.Ordinal);
        Assert.Empty(response.File);
    }

    [Fact]
    public void Generate_ImportsDescriptorProto_ResolvesWellKnownTypes()
    {
        var content = Assert.Single(CodeGenerator.Generate(Request(TestOptionsReflection.Descriptor)).File).Content;

        Assert.Contains("global::Google.Protobuf.WellKnownTypes.Empty.Parser", content, StringComparison.Ordinal);
        Assert.Contains("global::Interop.Testing.Options.Outer.Types.Inner.Parser", content, StringComparison.Ordinal);
    }

    /// <summary>A request for <paramref name="file"/>, with its dependencies listed first as protoc does.</summary>
    private static CodeGeneratorRequest Request(FileDescriptor file, string parameter = "")
    {
        var request = new CodeGeneratorRequest { Parameter = parameter };
        var seen = new HashSet<string>();
        Add(file);
        request.FileToGenerate.Add(file.Name);
        return request;

        void Add(FileDescriptor current)
        {
            if (!seen.Add(current.Name))
            {
                return;
            }

            foreach (var dependency in current.Dependencies)
            {
                Add(dependency);
            }

            request.ProtoFile.Add(FileDescriptorProto.Parser.ParseFrom(current.SerializedData));
        }
    }
}
