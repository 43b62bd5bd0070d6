using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ExperienceApis.Storefront;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Problems;

namespace IntegrationGateway.ExperienceApis.Marketplace;

/// <summary>
/// The marketplace channel a request acts for: the token's channel claim, admitted only when the process API
/// knows that channel as a marketplace. The gateway cannot tell channel types apart, so this is the check.
/// </summary>
public sealed record MarketplaceCaller(string? Channel, IResult? Refusal)
{
    public static async Task<MarketplaceCaller> ResolveAsync(HttpContext context, IInventoryProcessClient process, CancellationToken cancellationToken)
    {
        if (context.User.Channel() is not { } channel)
        {
            return Refused("The token names no channel.");
        }
        var response = await process.GetChannelAsync(channel, cancellationToken);
        if (response is { IsSuccessStatusCode: true, Content: { } found })
        {
            return found.Type == ChannelType.Marketplace ? new MarketplaceCaller(channel, null) : Refused($"Channel '{channel}' is not a marketplace.");
        }
        return (int?)response.StatusCode is 403 or 404
            ? Refused($"Channel '{channel}' is not a marketplace.")
            : new MarketplaceCaller(null, ProcessAnswers.Relay(response, context));
    }

    private static MarketplaceCaller Refused(string detail) =>
        new(null, Problem.Result(403, ProblemTypes.Forbidden, "The token is not bound to a marketplace channel.", detail));
}
