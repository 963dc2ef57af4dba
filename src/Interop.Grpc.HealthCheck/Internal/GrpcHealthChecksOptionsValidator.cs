using Microsoft.Extensions.Options;

namespace Interop.Grpc.HealthCheck.Internal;

/// <summary>Reports every service mapped without a predicate at once.</summary>
internal sealed class GrpcHealthChecksOptionsValidator : IValidateOptions<GrpcHealthChecksOptions>
{
    public ValidateOptionsResult Validate(string? name, GrpcHealthChecksOptions options)
    {
        var failures = options.Services
            .Where(pair => pair.Value is null)
            .Select(pair => $"GrpcHealthChecksOptions.Services['{pair.Key}'] has no predicate.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
