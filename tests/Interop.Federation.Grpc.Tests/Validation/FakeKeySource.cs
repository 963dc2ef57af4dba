using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Grpc.Tests.Validation;

/// <summary>A published key set the test edits (publish, revoke) without a store.</summary>
internal sealed class FakeKeySource : IHubValidationKeySource
{
    public List<SecurityKey> Keys { get; } = [];

    public int Reads { get; private set; }

    public Task<IReadOnlyList<SecurityKey>> GetValidationKeysAsync(CancellationToken cancellationToken = default)
    {
        Reads++;
        return Task.FromResult<IReadOnlyList<SecurityKey>>([.. Keys]);
    }
}
