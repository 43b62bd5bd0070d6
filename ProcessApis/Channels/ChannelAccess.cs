using System.Security.Claims;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Problems;

namespace IntegrationGateway.ProcessApis.Channels;

/// <summary>
/// A token bound to a channel acts for that channel only; an admin token without a channel may act for any.
/// Checked here as well as at the gateway, because the process API must not trust its callers blindly.
/// </summary>
public static class ChannelAccess
{
    public static bool Allows(ClaimsPrincipal user, string channel) =>
        user.Channel() is { } bound
            ? string.Equals(bound, channel, StringComparison.Ordinal)
            : user.HasAnyScope(Scopes.InventoryAdmin);

    public static IResult Forbidden(string channel) =>
        Problem.Result(403, ProblemTypes.Forbidden, "The token is not bound to this channel.", $"This client may not act for channel '{channel}'.");
}
