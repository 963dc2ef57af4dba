namespace Interop.Federation.TokenService;

/// <summary>The claims of hub access tokens beyond the RFC 9068 set (iss, aud, sub, client_id, scope, jti, iat, nbf, exp).</summary>
public static class HubClaimNames
{
    /// <summary>The OIN of the client's organisation.</summary>
    public const string Oin = "oin";

    /// <summary>The organisation's kind (gemeente, roc, rmc, ..., hub).</summary>
    public const string OrganisationKind = "org_kind";

    /// <summary>The organisation's RMC region code; absent when it has none.</summary>
    public const string RmcRegion = "rmc_region";

    /// <summary>On exchanged tokens: the iss of the external subject token.</summary>
    public const string SourceIssuer = "source_iss";

    /// <summary>On exchanged tokens: the sub of the external subject token, when it had one.</summary>
    public const string SourceSubject = "source_sub";
}
