using Google.Protobuf.WellKnownTypes;

namespace Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;

/// <summary>A hand-written equivalent of a generated service base: methods, BindService, UNIMPLEMENTED defaults.</summary>
[BindServiceMethod(typeof(TestServiceBase), nameof(BindService))]
public abstract class TestServiceBase
{
    public const string ServiceName = "interop.test.TestService";

    private static readonly Marshaller<StringValue> StringMarshaller = Marshallers.Create(StringValue.Parser);
    private static readonly Marshaller<BytesValue> BytesMarshaller = Marshallers.Create(BytesValue.Parser);

    public static readonly Method<StringValue, StringValue> EchoMethod = new(MethodType.Unary, ServiceName, "Echo", StringMarshaller, StringMarshaller);
    public static readonly Method<StringValue, StringValue> FailMethod = new(MethodType.Unary, ServiceName, "Fail", StringMarshaller, StringMarshaller);
    public static readonly Method<StringValue, StringValue> WaitMethod = new(MethodType.Unary, ServiceName, "Wait", StringMarshaller, StringMarshaller);
    public static readonly Method<StringValue, StringValue> MetadataMethod = new(MethodType.Unary, ServiceName, "Metadata", StringMarshaller, StringMarshaller);
    public static readonly Method<BytesValue, BytesValue> CompressMethod = new(MethodType.Unary, ServiceName, "Compress", BytesMarshaller, BytesMarshaller);
    public static readonly Method<StringValue, StringValue> UnimplementedMethod = new(MethodType.Unary, ServiceName, "NotOverridden", StringMarshaller, StringMarshaller);
    public static readonly Method<StringValue, StringValue> ConcatMethod = new(MethodType.ClientStreaming, ServiceName, "Concat", StringMarshaller, StringMarshaller);
    public static readonly Method<StringValue, StringValue> SplitMethod = new(MethodType.ServerStreaming, ServiceName, "Split", StringMarshaller, StringMarshaller);
    public static readonly Method<StringValue, StringValue> ChatMethod = new(MethodType.DuplexStreaming, ServiceName, "Chat", StringMarshaller, StringMarshaller);

    public static void BindService(ServiceBinderBase binder)
    {
        binder.AddMethod<TestServiceBase, StringValue, StringValue>(EchoMethod, static (service, request, context) => service.Echo(request, context));
        binder.AddMethod<TestServiceBase, StringValue, StringValue>(FailMethod, static (service, request, context) => service.Fail(request, context));
        binder.AddMethod<TestServiceBase, StringValue, StringValue>(WaitMethod, static (service, request, context) => service.Wait(request, context));
        binder.AddMethod<TestServiceBase, StringValue, StringValue>(MetadataMethod, static (service, request, context) => service.Metadata(request, context));
        binder.AddMethod<TestServiceBase, BytesValue, BytesValue>(CompressMethod, static (service, request, context) => service.Compress(request, context));
        binder.AddMethod<TestServiceBase, StringValue, StringValue>(UnimplementedMethod, static (service, request, context) => service.NotOverridden(request, context));
        binder.AddMethod<TestServiceBase, StringValue, StringValue>(ConcatMethod, static (service, requests, context) => service.Concat(requests, context));
        binder.AddMethod<TestServiceBase, StringValue, StringValue>(SplitMethod, static (service, request, responses, context) => service.Split(request, responses, context));
        binder.AddMethod<TestServiceBase, StringValue, StringValue>(ChatMethod, static (service, requests, responses, context) => service.Chat(requests, responses, context));
    }

    public virtual Task<StringValue> Echo(StringValue request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<StringValue> Fail(StringValue request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<StringValue> Wait(StringValue request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<StringValue> Metadata(StringValue request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<BytesValue> Compress(BytesValue request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<StringValue> NotOverridden(StringValue request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<StringValue> Concat(IAsyncStreamReader<StringValue> requestStream, ServerCallContext context) => throw Unimplemented();

    public virtual Task Split(StringValue request, IServerStreamWriter<StringValue> responseStream, ServerCallContext context) => throw Unimplemented();

    public virtual Task Chat(IAsyncStreamReader<StringValue> requestStream, IServerStreamWriter<StringValue> responseStream, ServerCallContext context) => throw Unimplemented();

    private static RpcException Unimplemented() => new(new Status(StatusCode.Unimplemented, string.Empty));
}
