using Interop.Contracts.V1;

namespace Interop.Hub.JongereStatus;

/// <summary>Readable explanations of <see cref="WithheldReason"/> for error messages (no personal data).</summary>
internal static class WithheldReasons
{
    /// <summary>One sentence saying why.</summary>
    public static string Describe(WithheldReason reason) => reason switch
    {
        WithheldReason.NoConsent => "no consent of the jongere names your organisation (or its kind), and no statutory task covers it.",
        WithheldReason.NoLegalBasis => "your organisation's kind holds no statutory task for this.",
        WithheldReason.OutsideConsent => "the consent does not cover this purpose, leefgebied or data category.",
        WithheldReason.ConsentRevoked => "the consent has been revoked.",
        WithheldReason.ConsentNotValid => "the consent has expired or is not yet valid.",
        WithheldReason.SpecialCategory => "special-category data needs a consent or task that names it explicitly.",
        _ => "no legal basis was found.",
    };
}
