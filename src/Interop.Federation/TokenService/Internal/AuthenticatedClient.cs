using Interop.Federation.Registry;

namespace Interop.Federation.TokenService.Internal;

/// <summary>A client whose assertion passed every check, with its (enabled) organisation.</summary>
internal sealed record AuthenticatedClient(ApiClient Client, Organisation Organisation);
