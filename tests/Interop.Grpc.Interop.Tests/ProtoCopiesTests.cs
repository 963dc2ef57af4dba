namespace Interop.Grpc.Interop.Tests;

/// <summary>The repository's protos/grpc/** are byte-identical to Debian's grpc-proto package, which the peers' protocols come from.</summary>
public sealed class ProtoCopiesTests
{
    private const string DebianProtos = "/usr/share/grpc-proto";

    public static TheoryData<string> OurGrpcProtos()
    {
        var root = Path.Combine(Infrastructure.Paths.Protos, "grpc");
        var files = Directory.EnumerateFiles(root, "*.proto", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Infrastructure.Paths.Protos, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        return [.. files];
    }

    [Theory]
    [MemberData(nameof(OurGrpcProtos))]
    public void ProtoCopy_ComparedWithDebian_IsIdentical(string relativePath)
    {
        Assert.True(Directory.Exists(DebianProtos), $"{DebianProtos} is missing: apt-get install grpc-proto (tests/run.sh installs it).");
        var debian = Path.Combine(DebianProtos, relativePath);
        Assert.True(File.Exists(debian), $"{debian} does not exist: protos/{relativePath} has no Debian original.");
        Assert.True(
            File.ReadAllBytes(Path.Combine(Infrastructure.Paths.Protos, relativePath)).AsSpan().SequenceEqual(File.ReadAllBytes(debian)),
            $"protos/{relativePath} differs from {debian}; copy Debian's file over it.");
    }
}
