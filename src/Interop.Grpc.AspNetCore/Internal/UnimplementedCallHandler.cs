using Interop.Grpc.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Interop.Grpc.AspNetCore.Internal;

/// <summary>
/// The catch-all for gRPC requests to paths no service maps: UNIMPLEMENTED, Trailers-Only (PROTOCOL-HTTP2.md; the
/// status tells a client the method is missing rather than the server being broken).
/// </summary>
internal static class UnimplementedCallHandler
{
    public const string ServiceRouteKey = "unimplementedService";
    public const string MethodRouteKey = "unimplementedMethod";

    private static readonly string UnimplementedStatus = ((int)StatusCode.Unimplemented).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A route constraint so the catch-all only takes requests that say they are gRPC.</summary>
    internal sealed class GrpcContentTypeConstraint : IRouteConstraint
    {
        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
            httpContext is not null && GrpcProtocolConstants.IsGrpcContentType(httpContext.Request.ContentType);
    }

    public static RequestDelegate Create(GrpcServiceRegistry registry, ILogger logger) => httpContext =>
    {
        if (!GrpcRequestValidator.TryAccept(httpContext, logger))
        {
            return Task.CompletedTask;
        }

        GrpcServerLog.MethodUnimplemented(logger, httpContext.Request.Path.Value ?? string.Empty);
        var service = httpContext.Request.RouteValues[ServiceRouteKey] as string ?? string.Empty;
        var message = registry.IsServiceMapped(service) ? "Method is unimplemented." : "Service is unimplemented.";
        var headers = httpContext.Response.Headers;
        headers[GrpcProtocolConstants.StatusTrailer] = UnimplementedStatus;
        headers[GrpcProtocolConstants.MessageTrailer] = message;
        return Task.CompletedTask;
    };
}
