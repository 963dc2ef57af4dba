using System.Reflection;

namespace Interop.Grpc.Interop.Tests.Infrastructure;

/// <summary>Where the repository, the test programs and the peers are; recorded at build time.</summary>
internal static class Paths
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    public static string Protos { get; } = Path.Combine(RepoRoot, "protos");

    public static string PythonPeers { get; } = Path.Combine(RepoRoot, "tests", "Interop.Grpc.Interop.Tests", "peers", "python");

    public static string NodePeers { get; } = Path.Combine(RepoRoot, "tests", "Interop.Grpc.Interop.Tests", "peers", "node");

    public static string OurServerDll { get; } = TestAsset("InteropTestsServer");

    public static string OurClientDll { get; } = TestAsset("InteropTestsClient");

    /// <summary>Debian's python (has grpcio); `python3` on PATH may be another interpreter without it.</summary>
    public const string Python = "/usr/bin/python3";

    public const string Node = "node";

    private static string TestAsset(string name) =>
        Path.Combine(RepoRoot, "tests", "testassets", name, "bin", Configuration, "net10.0", name + ".dll");

    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");
}
