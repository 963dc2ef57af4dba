using Interop.Federation.Registry;

namespace Interop.Federation.TokenService.Internal;

/// <summary>The scope parameter: space-separated scope tokens (RFC 6749 section 3.3).</summary>
internal static class ScopeSet
{
    /// <summary>Parses the parameter; null when a token is malformed. An absent parameter gives an empty list.</summary>
    public static IReadOnlyList<string>? Parse(string? scope)
    {
        if (string.IsNullOrEmpty(scope))
        {
            return [];
        }

        var tokens = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        return tokens.All(PartnerValidation.IsValidScopeToken) ? tokens : null;
    }

    /// <summary>
    /// The scopes to grant: all of <paramref name="allowed"/> when none were requested, the request when it is a subset,
    /// else null (the request asks beyond what is allowed: invalid_scope, never a silent widening).
    /// </summary>
    public static IReadOnlyList<string>? Grant(IReadOnlyList<string> requested, IEnumerable<string> allowed)
    {
        var allowedSet = allowed.ToHashSet(StringComparer.Ordinal);
        if (requested.Count == 0)
        {
            return allowedSet.Count == 0 ? null : allowedSet.Order(StringComparer.Ordinal).ToList();
        }

        return requested.All(allowedSet.Contains) ? requested : null;
    }
}
