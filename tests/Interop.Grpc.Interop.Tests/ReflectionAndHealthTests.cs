using Interop.Grpc.Interop.Tests.Infrastructure;

namespace Interop.Grpc.Interop.Tests;

/// <summary>Server reflection and health checking of our interop server, called by grpcio and grpc-js.</summary>
public sealed class ReflectionAndHealthTests(OurServerFixture server) : IClassFixture<OurServerFixture>
{
    [Theory]
    [InlineData("v1")]
    [InlineData("v1alpha")]
    public Task PythonReflection_OurServer_ListsServicesAndResolvesTestServiceFiles(string version) =>
        server.AssertScriptPassesAsync(PeerKind.Python, "reflection_client.py", $"--version={version}");

    [Theory]
    [InlineData("")]
    [InlineData("grpc.testing.TestService")]
    public Task PythonHealthCheck_OurServer_IsServing(string service) =>
        server.AssertScriptPassesAsync(PeerKind.Python, "health_client.py", $"--service={service}");

    [Theory]
    [InlineData("")]
    [InlineData("grpc.testing.TestService")]
    public Task NodeHealthCheck_OurServer_IsServing(string service) =>
        server.AssertScriptPassesAsync(PeerKind.Node, "health_client.js", $"--service={service}");
}
