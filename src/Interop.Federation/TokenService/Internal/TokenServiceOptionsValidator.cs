using Interop.Federation.Registry;
using Microsoft.Extensions.Options;

namespace Interop.Federation.TokenService.Internal;

/// <summary>Validates <see cref="TokenServiceOptions"/> at start, naming every bad setting at once.</summary>
internal sealed class TokenServiceOptionsValidator : IValidateOptions<TokenServiceOptions>
{
    private const string Section = "Interop:TokenService:";

    public ValidateOptionsResult Validate(string? name, TokenServiceOptions options)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(options.Issuer, UriKind.Absolute, out var issuer)
            || !(issuer.Scheme == Uri.UriSchemeHttps || (issuer.Scheme == Uri.UriSchemeHttp && issuer.IsLoopback))
            || issuer.AbsolutePath != "/" || issuer.Query.Length > 0 || issuer.Fragment.Length > 0)
        {
            errors.Add($"{Section}Issuer must be an absolute https URL without path, query or fragment (http only for loopback); was '{options.Issuer}'.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            errors.Add($"{Section}Audience is required.");
        }

        if (options.AccessTokenLifetime <= TimeSpan.Zero || options.AccessTokenLifetime > TokenServiceOptions.MaxAccessTokenLifetime)
        {
            errors.Add($"{Section}AccessTokenLifetime must be more than 0 and at most {TokenServiceOptions.MaxAccessTokenLifetime}; was {options.AccessTokenLifetime}.");
        }

        if (options.AssertionMaxLifetime <= TimeSpan.Zero || options.AssertionMaxLifetime > TokenServiceOptions.MaxAssertionLifetime)
        {
            errors.Add($"{Section}AssertionMaxLifetime must be more than 0 and at most {TokenServiceOptions.MaxAssertionLifetime}; was {options.AssertionMaxLifetime}.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromSeconds(60))
        {
            errors.Add($"{Section}ClockSkew must be between 0 and 60 seconds; was {options.ClockSkew}.");
        }

        if (options.SigningKeyRotationPeriod < TimeSpan.FromHours(1))
        {
            errors.Add($"{Section}SigningKeyRotationPeriod must be at least 1 hour; was {options.SigningKeyRotationPeriod}.");
        }

        if (options.SigningKeyPublicationLeadTime < TimeSpan.Zero || options.SigningKeyPublicationLeadTime >= options.SigningKeyRotationPeriod)
        {
            errors.Add($"{Section}SigningKeyPublicationLeadTime must be at least 0 and less than SigningKeyRotationPeriod; was {options.SigningKeyPublicationLeadTime}.");
        }

        if (options.JwksFetchTimeout <= TimeSpan.Zero || options.JwksFetchTimeout > TimeSpan.FromSeconds(30))
        {
            errors.Add($"{Section}JwksFetchTimeout must be more than 0 and at most 30 seconds; was {options.JwksFetchTimeout}.");
        }

        if (options.JwksCacheDuration <= TimeSpan.Zero)
        {
            errors.Add($"{Section}JwksCacheDuration must be more than 0; was {options.JwksCacheDuration}.");
        }

        for (var i = 0; i < options.TrustedIssuers.Count; i++)
        {
            ValidateTrust(options.TrustedIssuers[i], $"{Section}TrustedIssuers:{i}:", errors);
        }

        if (options.TrustedIssuers.GroupBy(t => t.Issuer, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            errors.Add($"{Section}TrustedIssuers lists issuer '{duplicate.Key}' more than once.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateTrust(TrustedIssuerOptions trust, string prefix, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(trust.Issuer))
        {
            errors.Add($"{prefix}Issuer is required.");
        }

        errors.AddRange(PartnerValidation.ValidateKeySource(trust.Jwks, trust.JwksUrl).Select(e => prefix + e));
        if (Oin.Validate(trust.OrganisationOin) is { } oinError)
        {
            errors.Add($"{prefix}OrganisationOin: {oinError}");
        }

        if (trust.MaxScopes.Count == 0 || trust.MaxScopes.Any(s => !PartnerValidation.IsValidScopeToken(s)))
        {
            errors.Add($"{prefix}MaxScopes must hold at least one valid scope token.");
        }
    }
}
