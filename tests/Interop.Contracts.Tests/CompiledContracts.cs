using System.Reflection;
using Google.Protobuf.Reflection;
using Interop.Contracts.V1;

namespace Interop.Contracts.Tests;

/// <summary>The interop.v1 files as compiled into Interop.Contracts, and the paths the build passed to the tests.</summary>
internal static class CompiledContracts
{
    /// <summary>Every interop.v1 file compiled into Interop.Contracts, found by reflection so a new file needs no edit here.</summary>
    public static IReadOnlyList<FileDescriptor> Files { get; } = typeof(OptionsReflection).Assembly.GetExportedTypes()
        .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
        .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
        .OfType<FileDescriptor>()
        .Where(f => f.Package == "interop.v1")
        .OrderBy(f => f.Name, StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// The compiled files as a FileDescriptorSet, parsed from each file's SerializedData (the exact bytes protoc
    /// embedded) with the interop.v1 options registered.
    /// </summary>
    public static FileDescriptorSet DescriptorSet()
    {
        var parser = FileDescriptorProto.Parser.WithExtensionRegistry(Compatibility.ContractSnapshotBuilder.OptionsRegistry);
        var set = new FileDescriptorSet();
        set.File.AddRange(Files.Select(f => parser.ParseFrom(f.SerializedData)));
        return set;
    }

    /// <summary>The same files as protoc writes them with --include_source_info (comments included), built by this project.</summary>
    public static FileDescriptorSet SourceInfoDescriptorSet()
    {
        var bytes = File.ReadAllBytes(BuildPath("ContractSourceDescriptorSet"));
        return FileDescriptorSet.Parser.WithExtensionRegistry(Compatibility.ContractSnapshotBuilder.OptionsRegistry).ParseFrom(bytes);
    }

    /// <summary>The committed snapshot file in the source tree.</summary>
    public static string SnapshotPath => BuildPath("ContractSnapshotPath");

    private static string BuildPath(string key) =>
        typeof(CompiledContracts).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}
