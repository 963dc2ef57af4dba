using System.Diagnostics.CodeAnalysis;
using Interop.Grpc;

namespace Interop.Federation.Grpc;

/// <summary>Gives handlers the caller <see cref="HubAuthorizationInterceptor"/> authenticated.</summary>
public static class HubCallerExtensions
{
    /// <summary>The key under which the caller is kept in <see cref="ServerCallContext.UserState"/>.</summary>
    internal static readonly object UserStateKey = typeof(HubCaller);

    /// <summary>
    /// The authenticated caller of this call. Throws when there is none: the service is anonymous
    /// (<see cref="HubAuthorizationOptions.AnonymousServices"/>) or the interceptor is not registered.
    /// </summary>
    public static HubCaller GetHubCaller(this ServerCallContext context) =>
        TryGetHubCaller(context, out var caller)
            ? caller
            : throw new InvalidOperationException(
                "The call has no authenticated hub caller: register the interceptor with AddHubAuthorization(), and do not read the caller in an anonymous service.");

    /// <summary>The authenticated caller of this call, if there is one.</summary>
    public static bool TryGetHubCaller(this ServerCallContext context, [NotNullWhen(true)] out HubCaller? caller)
    {
        ArgumentNullException.ThrowIfNull(context);
        caller = context.UserState.TryGetValue(UserStateKey, out var value) ? value as HubCaller : null;
        return caller is not null;
    }

    internal static void SetHubCaller(this ServerCallContext context, HubCaller caller) => context.UserState[UserStateKey] = caller;
}
