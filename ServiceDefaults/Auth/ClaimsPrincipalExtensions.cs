using System.Security.Claims;
using System.Text.RegularExpressions;

namespace IntegrationGateway.ServiceDefaults.Auth;

public static partial class ClaimsPrincipalExtensions
{
    public static bool HasAnyScope(this ClaimsPrincipal user, params string[] scopes) =>
        user.FindAll(Scopes.ScopeClaim)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(s => scopes.Contains(s, StringComparer.Ordinal));

    /// <summary>
    /// The channel the token is bound to, when the claim is one channel id as the contracts spell it. Anything else
    /// (a NUL, a second channel claim, a path) binds the token to no channel, so it is refused 403 at every layer.
    /// </summary>
    public static string? Channel(this ClaimsPrincipal user) =>
        user.FindAll(Scopes.ChannelClaim).ToList() is [{ Value: var channel }] && ChannelId().IsMatch(channel) ? channel : null;

    /// <summary>The client a rate limit or an audit line is attributed to.</summary>
    public static string? ClientId(this ClaimsPrincipal user) =>
        user.FindFirst(Scopes.ClientIdClaim)?.Value ?? user.FindFirst("sub")?.Value;

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex ChannelId();
}
