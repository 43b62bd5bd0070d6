using System.Security.Claims;

namespace IntegrationGateway.ServiceDefaults.Auth;

public static class ClaimsPrincipalExtensions
{
    public static bool HasAnyScope(this ClaimsPrincipal user, params string[] scopes) =>
        user.FindAll(Scopes.ScopeClaim)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(s => scopes.Contains(s, StringComparer.Ordinal));

    public static string? Channel(this ClaimsPrincipal user) => user.FindFirst(Scopes.ChannelClaim)?.Value;

    /// <summary>The client a rate limit or an audit line is attributed to.</summary>
    public static string? ClientId(this ClaimsPrincipal user) =>
        user.FindFirst(Scopes.ClientIdClaim)?.Value ?? user.FindFirst("sub")?.Value;
}
