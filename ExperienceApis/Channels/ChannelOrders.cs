using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ExperienceApis.Storefront;
using IntegrationGateway.ServiceDefaults.Idempotency;

namespace IntegrationGateway.ExperienceApis.Channels;

/// <summary>
/// Reading and cancelling an order are the same for every channel type; each experience API only checks the
/// caller's channel type and shapes the process API's order into its own view.
/// </summary>
public static class ChannelOrders
{
    public static async Task<IResult> GetAsync<TView>(string id, ChannelType type, Func<Order, TView> view,
        HttpContext context, IInventoryProcessClient process, CancellationToken cancellationToken)
    {
        var caller = await ChannelCaller.ResolveAsync(context, process, type, cancellationToken);
        if (caller.Refusal is { } refused)
        {
            return refused;
        }
        var response = await process.GetOrderAsync(id, cancellationToken);
        return response is { IsSuccessStatusCode: true, Content: { } order }
            ? TypedResults.Ok(view(order))
            : ProcessAnswers.Relay(response, context);
    }

    public static async Task<IResult> CancelAsync<TView>(string id, string? idempotencyKey, ChannelType type, Func<Order, TView> view,
        HttpContext context, IInventoryProcessClient process, CancellationToken cancellationToken)
    {
        if (IdempotencyKey.Refusal(idempotencyKey) is { } refusal)
        {
            return refusal;
        }
        var caller = await ChannelCaller.ResolveAsync(context, process, type, cancellationToken);
        if (caller.Refusal is { } refused)
        {
            return refused;
        }
        var response = await process.CancelOrderAsync(id, idempotencyKey!, cancellationToken);
        return response is { IsSuccessStatusCode: true, Content: { } order }
            ? TypedResults.Ok(view(order))
            : ProcessAnswers.Relay(response, context);
    }
}
