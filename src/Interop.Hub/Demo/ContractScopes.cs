using System.Reflection;
using Google.Protobuf.Reflection;
using Interop.Contracts.V1;

namespace Interop.Hub.Demo;

/// <summary>Every scope the contracts ask for: the <c>interop.v1.required_scope</c> of each method of interop.v1, read from the descriptors.</summary>
internal static class ContractScopes
{
    /// <summary>The scopes, ordinally sorted, each once.</summary>
    public static IReadOnlyList<string> All { get; } = Read();

    private static string[] Read()
    {
        var files = typeof(DirectoryService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .Select(p => (FileDescriptor)p!.GetValue(null)!)
            .Where(f => f.Package == "interop.v1");
        return files
            .SelectMany(f => f.Services)
            .SelectMany(s => s.Methods)
            .Select(m => m.GetOptions())
            .Where(o => o is not null && o.HasExtension(OptionsExtensions.RequiredScope))
            .Select(o => o!.GetExtension(OptionsExtensions.RequiredScope))
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
