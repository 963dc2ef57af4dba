using Microsoft.Extensions.Options;

namespace Interop.Federation.Grpc.Internal;

/// <summary>Checks <see cref="HubAuthorizationOptions"/> at start and reports every bad setting at once.</summary>
internal sealed class HubAuthorizationOptionsValidator : IValidateOptions<HubAuthorizationOptions>
{
    public ValidateOptionsResult Validate(string? name, HubAuthorizationOptions options)
    {
        var errors = new List<string>();
        const string Prefix = HubAuthorizationOptions.ConfigurationSection + ":";
        if (string.IsNullOrWhiteSpace(options.Issuer) || !Uri.TryCreate(options.Issuer, UriKind.Absolute, out _))
        {
            errors.Add($"{Prefix}{nameof(options.Issuer)} must be the hub's issuer, an absolute URL (it defaults to Interop:TokenService:Issuer when the token service is registered).");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            errors.Add($"{Prefix}{nameof(options.Audience)} must not be empty.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > HubAuthorizationOptions.MaxClockSkew)
        {
            errors.Add($"{Prefix}{nameof(options.ClockSkew)} must be between 0 and 60 seconds; it is {options.ClockSkew}.");
        }

        if (options.AnonymousServices is null || options.AnonymousServices.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{Prefix}{nameof(options.AnonymousServices)} must be a set of fully qualified service names without empty entries.");
        }

        if (options.ValidationKeyRefreshInterval <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}{nameof(options.ValidationKeyRefreshInterval)} must be positive.");
        }

        if (options.UnknownKeyRefreshInterval <= TimeSpan.Zero || options.UnknownKeyRefreshInterval > options.ValidationKeyRefreshInterval)
        {
            errors.Add($"{Prefix}{nameof(options.UnknownKeyRefreshInterval)} must be positive and at most {nameof(options.ValidationKeyRefreshInterval)}.");
        }

        if (options.PartnerStatusCacheDuration < TimeSpan.Zero || options.PartnerStatusCacheDuration > HubAuthorizationOptions.MaxPartnerStatusCacheDuration)
        {
            errors.Add($"{Prefix}{nameof(options.PartnerStatusCacheDuration)} must be between 0 and 1 second, so a disabled partner is stopped at once; it is {options.PartnerStatusCacheDuration}.");
        }

        if (options.ValidatedTokenCacheSize < 0 || options.ValidatedTokenCacheSize > HubAuthorizationOptions.MaxValidatedTokenCacheSize)
        {
            errors.Add($"{Prefix}{nameof(options.ValidatedTokenCacheSize)} must be between 0 (off) and {HubAuthorizationOptions.MaxValidatedTokenCacheSize}; it is {options.ValidatedTokenCacheSize}.");
        }

        if (options.RateLimitPerWindow < 0)
        {
            errors.Add($"{Prefix}{nameof(options.RateLimitPerWindow)} must be 0 (off) or positive.");
        }

        if (options.RateLimitWindow < TimeSpan.FromSeconds(1) || options.RateLimitWindow > TimeSpan.FromDays(1))
        {
            errors.Add($"{Prefix}{nameof(options.RateLimitWindow)} must be between 1 second and 1 day; it is {options.RateLimitWindow}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
