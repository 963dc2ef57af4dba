using Microsoft.Extensions.Logging;

namespace Interop.Grpc.AspNetCore.Internal;

/// <summary>Everything a call needs that does not change per call: resolved once when the method is mapped.</summary>
internal sealed class ServerMethodSettings
{
    public ServerMethodSettings(IMethod method, GrpcServiceOptions options, ILogger logger, TimeProvider timeProvider)
    {
        Method = method;
        MaxReceiveMessageSize = options.MaxReceiveMessageSize ?? int.MaxValue;
        MaxSendMessageSize = options.MaxSendMessageSize;
        EnableDetailedErrors = options.EnableDetailedErrors;
        ResponseCompressionAlgorithm = options.ResponseCompressionAlgorithm;
        CallAuthorizers = [.. options.CallAuthorizers];
        Logger = logger;
        TimeProvider = timeProvider;
    }

    public IMethod Method { get; }

    public int MaxReceiveMessageSize { get; }

    public int? MaxSendMessageSize { get; }

    public bool EnableDetailedErrors { get; }

    public string? ResponseCompressionAlgorithm { get; }

    /// <summary>A copy taken when the method is mapped: the list in the options may change later, the calls' may not.</summary>
    public IServerCallAuthorizer[] CallAuthorizers { get; }

    public ILogger Logger { get; }

    public TimeProvider TimeProvider { get; }
}
