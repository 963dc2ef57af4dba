using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;
using Interop.Testing.Options;

namespace Interop.Grpc.Reflection.Tests;

public sealed class ReflectionServiceImplTests
{
    private static ReflectionServiceImpl CreateService() =>
        new([ScopedService.Descriptor, @event.Descriptor, ServerReflection.Descriptor]);

    [Fact]
    public async Task ListServices_ReturnsGivenServices()
    {
        var session = new ReflectionSession(CreateService());

        var response = await session.AskAsync(new ServerReflectionRequest { Host = "h", ListServices = "*" });

        Assert.Equal(
            ["interop.testing.options.ScopedService", "interop.testing.options.event", "grpc.reflection.v1.ServerReflection"],
            response.ListServicesResponse.Service.Select(s => s.Name));
        Assert.Equal("h", response.ValidHost);
        Assert.Equal("*", response.OriginalRequest.ListServices);
        await session.EndAsync();
    }

    [Fact]
    public async Task FileByFilename_ReturnsFileThenEachDependencyOnce()
    {
        var session = new ReflectionSession(CreateService());

        var response = await session.AskAsync(new ServerReflectionRequest { FileByFilename = "interop/options/test_options.proto" });

        var names = FileNames(response);
        Assert.Equal("interop/options/test_options.proto", names[0]);
        Assert.Equal(
            ["google/protobuf/descriptor.proto", "google/protobuf/empty.proto", "interop/options/test_options.proto"],
            names.Order(StringComparer.Ordinal));
        await session.EndAsync();
    }

    [Theory]
    [InlineData("interop.testing.options.ScopedService")]
    [InlineData("interop.testing.options.ScopedService.ReadThing")]
    [InlineData("interop.testing.options.Outer")]
    [InlineData("interop.testing.options.Outer.Inner")]
    [InlineData("interop.testing.options.Outer.Inner.note")]
    [InlineData("interop.testing.options.required_scope")]
    [InlineData(".interop.testing.options.Outer")]
    public async Task FileContainingSymbol_KnownSymbol_ReturnsDefiningFileFirst(string symbol)
    {
        var session = new ReflectionSession(CreateService());

        var response = await session.AskAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });

        Assert.Equal("interop/options/test_options.proto", FileNames(response)[0]);
        await session.EndAsync();
    }

    [Theory]
    [InlineData("google.protobuf.Empty", "google/protobuf/empty.proto")]
    [InlineData("google.protobuf.MethodOptions", "google/protobuf/descriptor.proto")]
    [InlineData("google.protobuf.FieldDescriptorProto.Type", "google/protobuf/descriptor.proto")]
    [InlineData("google.protobuf.FieldDescriptorProto.TYPE_STRING", "google/protobuf/descriptor.proto")]
    [InlineData("grpc.reflection.v1.ServerReflectionRequest.file_by_filename", "grpc/reflection/v1/reflection.proto")]
    [InlineData("grpc.reflection.v1.ServerReflectionRequest.message_request", "grpc/reflection/v1/reflection.proto")]
    public async Task FileContainingSymbol_SymbolInDependency_ReturnsThatFile(string symbol, string file)
    {
        var session = new ReflectionSession(CreateService());

        var response = await session.AskAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });

        Assert.Equal(file, FileNames(response)[0]);
        await session.EndAsync();
    }

    [Fact]
    public async Task FileContainingSymbol_ReturnedFiles_BuildIntoDescriptorsWithCustomOption()
    {
        var session = new ReflectionSession(CreateService());

        var response = await session.AskAsync(new ServerReflectionRequest { FileContainingSymbol = "interop.testing.options.ScopedService" });

        // A client must be able to rebuild the service from the response alone (dependencies first).
        var built = FileDescriptor.BuildFromByteStrings(response.FileDescriptorResponse.FileDescriptorProto.Reverse());
        var service = built.Single(f => f.Name == "interop/options/test_options.proto").FindTypeByName<ServiceDescriptor>("ScopedService");
        Assert.Equal(["ReadThing", "ListThings", "ReadThingOld"], service.Methods.Select(m => m.Name));
        await session.EndAsync();
    }

    [Fact]
    public async Task FileContainingExtension_KnownExtension_ReturnsDeclaringFile()
    {
        var session = new ReflectionSession(CreateService());

        var response = await session.AskAsync(new ServerReflectionRequest
        {
            FileContainingExtension = new ExtensionRequest { ContainingType = "google.protobuf.MethodOptions", ExtensionNumber = 50001 },
        });

        Assert.Equal("interop/options/test_options.proto", FileNames(response)[0]);
        await session.EndAsync();
    }

    [Fact]
    public async Task AllExtensionNumbersOfType_ExtendedType_ListsNumbers()
    {
        var session = new ReflectionSession(CreateService());

        var response = await session.AskAsync(new ServerReflectionRequest { AllExtensionNumbersOfType = "google.protobuf.MethodOptions" });

        Assert.Equal("google.protobuf.MethodOptions", response.AllExtensionNumbersResponse.BaseTypeName);
        Assert.Equal([50001], response.AllExtensionNumbersResponse.ExtensionNumber);
        await session.EndAsync();
    }

    [Fact]
    public async Task AllExtensionNumbersOfType_TypeWithoutExtensions_ListsNone()
    {
        var session = new ReflectionSession(CreateService());

        var response = await session.AskAsync(new ServerReflectionRequest { AllExtensionNumbersOfType = "interop.testing.options.Outer" });

        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.AllExtensionNumbersResponse, response.MessageResponseCase);
        Assert.Empty(response.AllExtensionNumbersResponse.ExtensionNumber);
        await session.EndAsync();
    }

    [Fact]
    public async Task Errors_UnknownLookups_AnswerNotFoundAndKeepStreamOpen()
    {
        var session = new ReflectionSession(CreateService());

        var requests = new[]
        {
            new ServerReflectionRequest { FileByFilename = "nope.proto" },
            new ServerReflectionRequest { FileContainingSymbol = "no.Such" },
            new ServerReflectionRequest { FileContainingExtension = new ExtensionRequest { ContainingType = "google.protobuf.MethodOptions", ExtensionNumber = 1 } },
            new ServerReflectionRequest { AllExtensionNumbersOfType = "no.Such" },
        };
        foreach (var request in requests)
        {
            var response = await session.AskAsync(request);
            Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
            Assert.NotEmpty(response.ErrorResponse.ErrorMessage);
            Assert.Equal(request, response.OriginalRequest);
        }

        // Still answering after the errors.
        var list = await session.AskAsync(new ServerReflectionRequest { ListServices = "" });
        Assert.Equal(3, list.ListServicesResponse.Service.Count);
        Assert.False(session.Call.IsCompleted);
        await session.EndAsync();
    }

    [Fact]
    public async Task EmptyRequest_AnswersInvalidArgument()
    {
        var session = new ReflectionSession(CreateService());

        var response = await session.AskAsync(new ServerReflectionRequest());

        Assert.Equal((int)StatusCode.InvalidArgument, response.ErrorResponse.ErrorCode);
        await session.EndAsync();
    }

    [Fact]
    public async Task HalfClose_EndsCallNormally()
    {
        var session = new ReflectionSession(CreateService());

        await session.EndAsync();

        Assert.True(session.Call.IsCompletedSuccessfully);
    }

    internal static List<string> FileNames(ServerReflectionResponse response)
    {
        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, response.MessageResponseCase);
        return response.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes).Name)
            .ToList();
    }
}
