using Interop.Federation.Registry;

namespace Interop.Hub.Demo;

/// <summary>A partner of the demo region and its one API client.</summary>
/// <param name="Organisation">The organisation as registered.</param>
/// <param name="ClientId">The client_id of its API client (every scope; key pair generated at seed time).</param>
internal sealed record DemoPartner(Organisation Organisation, string ClientId);
