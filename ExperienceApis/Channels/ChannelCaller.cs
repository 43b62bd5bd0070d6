using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ExperienceApis.Storefront;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Problems;

namespace IntegrationGateway.ExperienceApis.Channels;

/// <summary>
/// The channel a request acts for: the token's channel claim, admitted only when the process API knows that
/// channel with the type this experience API serves. Channels are data, so the gateway cannot tell their types
/// apart; this is the check, and a second storefront or marketplace is an admin call, not a code change.
/// Declared once per API group (<see cref="WithChannelAdmission{TBuilder}"/>), after the contract checks, so every
/// endpoint of the group has it and a refused request reaches nothing below.
/// </summary>
public static class ChannelCaller
{
    private static readonly object AdmittedKey = new();

    public static TBuilder WithChannelAdmission<TBuilder>(this TBuilder builder, ChannelType expected) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            var (channel, refusal) = await ResolveAsync(context, expected, context.RequestAborted);
            if (refusal is not null)
            {
                return refusal;
            }
            context.Items[AdmittedKey] = channel;
            return await next(invocation);
        });

    /// <summary>The channel admitted for this request by the group's filter.</summary>
    public static string AdmittedChannel(this HttpContext context) =>
        context.Items[AdmittedKey] as string ?? throw new InvalidOperationException("The endpoint is not behind WithChannelAdmission.");

    private static async Task<(string? Channel, IResult? Refusal)> ResolveAsync(HttpContext context, ChannelType expected, CancellationToken cancellationToken)
    {
        if (context.User.Channel() is not { } channel)
        {
            return (null, Refused(expected, "The token names no channel."));
        }
        var types = context.RequestServices.GetRequiredService<ChannelTypes>();
        if (types.Known(channel) is not { } type)
        {
            // Asked for only on a miss: making the client (its HTTP pipeline and handlers) costs more than a read-model answer.
            var process = context.RequestServices.GetRequiredService<IInventoryProcessClient>();
            var response = await process.GetChannelAsync(channel, cancellationToken);
            if (response is not { IsSuccessStatusCode: true, Content: { } found })
            {
                return (int?)response.StatusCode is 403 or 404
                    ? (null, Refused(expected, $"Channel '{channel}' is not known."))
                    : (null, ProcessAnswers.Relay(response, context));
            }
            type = types.Remember(channel, found.Type);
        }
        return type == expected ? (channel, null) : (null, Refused(expected, $"Channel '{channel}' is not a {Name(expected)} channel."));
    }

    private static IResult Refused(ChannelType expected, string detail) =>
        Problem.Result(403, ProblemTypes.Forbidden, $"The token is not bound to a {Name(expected)} channel.", detail);

    private static string Name(ChannelType type) => type.ToString().ToLowerInvariant();
}
