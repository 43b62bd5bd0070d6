using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ExperienceApis.Storefront;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.Problems;

namespace IntegrationGateway.ExperienceApis.Channels;

/// <summary>
/// The channel a request acts for: the token's channel claim, admitted only when the process API knows that
/// channel with the type this experience API serves. Channels are data, so the gateway cannot tell their types
/// apart; this is the check, and a second storefront or marketplace is an admin call, not a code change.
/// </summary>
public sealed record ChannelCaller(string? Channel, IResult? Refusal)
{
    /// <summary>
    /// The gate of every stock-moving POST: the Idempotency-Key, then the body, then the caller's channel. The first
    /// refusal is the answer and nothing is sent on, so a refused request changes nothing.
    /// </summary>
    public static async Task<ChannelCaller> AdmitAsync(string? idempotencyKey, object request, HttpContext context,
        IInventoryProcessClient process, ChannelType expected, CancellationToken cancellationToken)
    {
        if (IdempotencyKey.Refusal(idempotencyKey) is { } refusal)
        {
            return new ChannelCaller(null, refusal);
        }
        if (RequestValidation.Errors(request) is { Count: > 0 } errors)
        {
            return new ChannelCaller(null, Problem.Validation(errors));
        }
        return await ResolveAsync(context, process, expected, cancellationToken);
    }

    public static async Task<ChannelCaller> ResolveAsync(HttpContext context, IInventoryProcessClient process, ChannelType expected, CancellationToken cancellationToken)
    {
        if (context.User.Channel() is not { } channel)
        {
            return Refused(expected, "The token names no channel.");
        }
        var types = context.RequestServices.GetRequiredService<ChannelTypes>();
        if (types.Known(channel) is not { } type)
        {
            var response = await process.GetChannelAsync(channel, cancellationToken);
            if (response is not { IsSuccessStatusCode: true, Content: { } found })
            {
                return (int?)response.StatusCode is 403 or 404
                    ? Refused(expected, $"Channel '{channel}' is not known.")
                    : new ChannelCaller(null, ProcessAnswers.Relay(response, context));
            }
            type = types.Remember(channel, found.Type);
        }
        return type == expected ? new ChannelCaller(channel, null) : Refused(expected, $"Channel '{channel}' is not a {Name(expected)} channel.");
    }

    private static ChannelCaller Refused(ChannelType expected, string detail) =>
        new(null, Problem.Result(403, ProblemTypes.Forbidden, $"The token is not bound to a {Name(expected)} channel.", detail));

    private static string Name(ChannelType type) => type.ToString().ToLowerInvariant();
}
