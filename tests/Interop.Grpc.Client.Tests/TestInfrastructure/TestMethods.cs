namespace Interop.Grpc.Client.Tests.TestInfrastructure;

internal static class TestMethods
{
    public static readonly Method<string, string> Unary = Create(MethodType.Unary, "Unary");
    public static readonly Method<string, string> ServerStreaming = Create(MethodType.ServerStreaming, "ServerStreaming");
    public static readonly Method<string, string> ClientStreaming = Create(MethodType.ClientStreaming, "ClientStreaming");
    public static readonly Method<string, string> Duplex = Create(MethodType.DuplexStreaming, "Duplex");

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static Method<string, string> Create(MethodType type, string name) =>
        new(type, "test.Tester", name, StringMarshaller.Instance, StringMarshaller.Instance);
}
