using Interop.Federation.Keys;
using Interop.Federation.Registry;

namespace Interop.Admin;

/// <summary>The hub's registry as opened by <see cref="HubStorageTarget.OpenRegistry"/>: one store serving both interfaces.</summary>
/// <param name="Partners">Organisations and API clients.</param>
/// <param name="SigningKeys">The hub's signing keys.</param>
/// <param name="Owned">What to dispose afterwards (the store: its open connections), or null.</param>
internal sealed record RegistryStore(IPartnerStore Partners, ISigningKeyStore SigningKeys, IAsyncDisposable? Owned) : IAsyncDisposable
{
    /// <inheritdoc />
    public ValueTask DisposeAsync() => Owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
