using Interop.Grpc.AspNetCore.Internal;
using Microsoft.AspNetCore.Http;

namespace Interop.Grpc.AspNetCore;

/// <summary>What the ASP.NET Core host adds to <see cref="ServerCallContext"/>.</summary>
public static class ServerCallContextExtensions
{
    /// <summary>The HTTP request behind the call (connection, TLS client certificate, user, features).</summary>
    public static HttpContext GetHttpContext(this ServerCallContext context) => AsHttpContextCall(context).HttpContext;

    /// <summary>
    /// Chooses the encoding of this call's response messages: "gzip", or "identity"/null for none. Overrides
    /// <see cref="GrpcServiceOptions.ResponseCompressionAlgorithm"/>. Call it before the first response message or
    /// <see cref="ServerCallContext.WriteResponseHeadersAsync"/>, because grpc-encoding goes in the response headers.
    /// gzip is used only when the client's grpc-accept-encoding lists it (compression.md); single messages can still
    /// opt out with <see cref="WriteFlags.NoCompress"/> in <see cref="ServerCallContext.WriteOptions"/> or the
    /// stream's WriteOptions.
    /// </summary>
    public static void SetResponseCompression(this ServerCallContext context, string? algorithm) =>
        AsHttpContextCall(context).SetResponseCompression(algorithm);

    /// <summary>
    /// Whether the request message read last arrived compressed (Compressed-Flag 1). For unary and server-streaming
    /// handlers that is the request; in streaming handlers, the message last returned by the request stream.
    /// </summary>
    public static bool IsLastRequestMessageCompressed(this ServerCallContext context) =>
        AsHttpContextCall(context).LastRequestMessageCompressed;

    private static HttpContextServerCallContext AsHttpContextCall(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context as HttpContextServerCallContext
            ?? throw new InvalidOperationException($"The call context is a '{context.GetType()}', not the ASP.NET Core host's; an interceptor must pass the context it was given.");
    }
}
