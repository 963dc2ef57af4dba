using System.Buffers;
using Grpc.Testing;

namespace Interop.Grpc.Tools.Tests;

public sealed class MethodTests
{
    public static TheoryData<IMethod, MethodType, string> TestServiceMethods => new()
    {
        { TestService.EmptyCallMethod, MethodType.Unary, "EmptyCall" },
        { TestService.UnaryCallMethod, MethodType.Unary, "UnaryCall" },
        { TestService.CacheableUnaryCallMethod, MethodType.Unary, "CacheableUnaryCall" },
        { TestService.StreamingOutputCallMethod, MethodType.ServerStreaming, "StreamingOutputCall" },
        { TestService.StreamingInputCallMethod, MethodType.ClientStreaming, "StreamingInputCall" },
        { TestService.FullDuplexCallMethod, MethodType.DuplexStreaming, "FullDuplexCall" },
        { TestService.HalfDuplexCallMethod, MethodType.DuplexStreaming, "HalfDuplexCall" },
        { TestService.UnimplementedCallMethod, MethodType.Unary, "UnimplementedCall" },
    };

    [Theory]
    [MemberData(nameof(TestServiceMethods))]
    public void Method_TestService_HasKindNamesAndDescriptor(IMethod method, MethodType type, string name)
    {
        Assert.Equal(type, method.Type);
        Assert.Equal("grpc.testing.TestService", method.ServiceName);
        Assert.Equal(name, method.Name);
        Assert.Equal("/grpc.testing.TestService/" + name, method.FullName);
        Assert.NotNull(method.Descriptor);
        Assert.Equal("grpc.testing.TestService." + name, method.Descriptor.FullName);
        Assert.Same(TestService.Descriptor, method.Descriptor.Service);
    }

    [Fact]
    public void Descriptor_TestService_ComesFromReflectionClass()
    {
        Assert.Same(TestReflection.Descriptor.Services[0], TestService.Descriptor);
        Assert.Same(TestReflection.Descriptor.Services[1], UnimplementedService.Descriptor);
        Assert.Equal("grpc.testing.UnimplementedService", UnimplementedService.UnimplementedCallMethod.ServiceName);
    }

    [Fact]
    public void Method_HealthAndReflection_HaveExpectedKinds()
    {
        Assert.Equal("/grpc.health.v1.Health/Check", global::Grpc.Health.V1.Health.CheckMethod.FullName);
        Assert.Equal(MethodType.Unary, global::Grpc.Health.V1.Health.CheckMethod.Type);
        Assert.Equal(MethodType.ServerStreaming, global::Grpc.Health.V1.Health.WatchMethod.Type);
        Assert.Equal("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", global::Grpc.Reflection.V1.ServerReflection.ServerReflectionInfoMethod.FullName);
        Assert.Equal(MethodType.DuplexStreaming, global::Grpc.Reflection.V1.ServerReflection.ServerReflectionInfoMethod.Type);
    }

    [Fact]
    public void Marshallers_UnaryCall_RoundTripMessages()
    {
        var request = new SimpleRequest { ResponseSize = 42, FillUsername = true };
        var marshaller = TestService.UnaryCallMethod.RequestMarshaller;
        var buffer = new byte[marshaller.GetSize(request)];

        marshaller.Serialize(request, buffer);
        var parsed = marshaller.Deserialize(new ReadOnlySequence<byte>(buffer));

        Assert.Equal(request, parsed);
        Assert.IsType<SimpleResponse>(TestService.UnaryCallMethod.ResponseMarshaller.Deserialize(ReadOnlySequence<byte>.Empty));
    }
}
