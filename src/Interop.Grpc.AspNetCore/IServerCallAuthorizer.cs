namespace Interop.Grpc.AspNetCore;

/// <summary>
/// Decides whether a call may go on, once its headers are accepted and before any request message is read or any
/// interceptor or handler runs. Registered in <see cref="GrpcServiceOptions.CallAuthorizers"/>, which run in order for
/// every call of every mapped service.
/// </summary>
/// <remarks>
/// An interceptor sees a unary or server-streaming call only after its request has been read and parsed (as in every
/// gRPC server), so a refusal there still costs reading, buffering and parsing up to
/// <see cref="GrpcServiceOptions.MaxReceiveMessageSize"/> bytes from a caller who may not call at all. An authorizer
/// refuses before that: the request body is never read, and the caller gets the authorizer's status.
/// </remarks>
public interface IServerCallAuthorizer
{
    /// <summary>
    /// Completes normally to let the call go on; throws an <see cref="RpcException"/> to end it with that status.
    /// Anything the authorizer learned for the handler can be kept in <see cref="ServerCallContext.UserState"/>.
    /// </summary>
    ValueTask AuthorizeAsync(ServerCallContext context);
}
