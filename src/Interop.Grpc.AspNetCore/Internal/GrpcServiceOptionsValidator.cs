using Interop.Grpc.Interceptors;
using Interop.Grpc.Shared;
using Microsoft.Extensions.Options;

namespace Interop.Grpc.AspNetCore.Internal;

/// <summary>Checks <see cref="GrpcServiceOptions"/> at start and reports every bad setting at once.</summary>
internal sealed class GrpcServiceOptionsValidator : IValidateOptions<GrpcServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, GrpcServiceOptions options)
    {
        var errors = new List<string>();
        if (options.MaxReceiveMessageSize is <= 0)
        {
            errors.Add($"GrpcServiceOptions.MaxReceiveMessageSize must be a positive number of bytes or null (unlimited); it is {options.MaxReceiveMessageSize}.");
        }

        if (options.MaxSendMessageSize is <= 0)
        {
            errors.Add($"GrpcServiceOptions.MaxSendMessageSize must be a positive number of bytes or null (unlimited); it is {options.MaxSendMessageSize}.");
        }

        if (options.ResponseCompressionAlgorithm is { } algorithm && !ResponseEncodings.IsSupported(algorithm))
        {
            errors.Add($"GrpcServiceOptions.ResponseCompressionAlgorithm '{algorithm}' is not supported; use '{GrpcProtocolConstants.GzipEncoding}', '{GrpcProtocolConstants.IdentityEncoding}' or null.");
        }

        for (var i = 0; i < options.Interceptors.Count; i++)
        {
            var registration = options.Interceptors[i];
            if (registration is null)
            {
                errors.Add($"GrpcServiceOptions.Interceptors[{i}] is null.");
            }
            else if (!typeof(Interceptor).IsAssignableFrom(registration.Type) || registration.Type.IsAbstract)
            {
                errors.Add($"GrpcServiceOptions.Interceptors[{i}] type '{registration.Type}' must be a concrete class deriving from Interceptor.");
            }
        }

        for (var i = 0; i < options.CallAuthorizers.Count; i++)
        {
            if (options.CallAuthorizers[i] is null)
            {
                errors.Add($"GrpcServiceOptions.CallAuthorizers[{i}] is null.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
