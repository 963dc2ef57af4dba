using System.Collections.Concurrent;
using Interop.Contracts.V1;
using Interop.Grpc;

namespace Interop.Federation.Grpc.Internal;

/// <summary>Reads each method's <c>interop.v1.required_scope</c> option once and remembers it per method path.</summary>
internal sealed class RequiredScopeReader
{
    private readonly ConcurrentDictionary<string, string?> _scopes = new(StringComparer.Ordinal);

    /// <summary>The scope the method declares, or null when it declares none (or was not generated from a .proto).</summary>
    public string? GetRequiredScope(ServerCallContext context) =>
        _scopes.GetOrAdd(context.Method, static (_, ctx) => Read(ctx), context);

    private static string? Read(ServerCallContext context)
    {
        var options = context.MethodDescriptor?.GetOptions();
        if (options is null || !options.HasExtension(OptionsExtensions.RequiredScope))
        {
            return null;
        }

        var scope = options.GetExtension(OptionsExtensions.RequiredScope);
        return string.IsNullOrWhiteSpace(scope) ? null : scope;
    }
}
