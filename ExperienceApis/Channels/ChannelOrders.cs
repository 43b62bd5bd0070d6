using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ExperienceApis.Storefront;

namespace IntegrationGateway.ExperienceApis.Channels;

/// <summary>
/// Reading and cancelling an order are the same for every channel type; the group's admission has checked the
/// caller's channel type, the process API checks the order is the channel's, and each API shapes it into its view.
/// </summary>
public static class ChannelOrders
{
    public static async Task<IResult> GetAsync<TView>(string id, Func<Order, TView> view,
        HttpContext context, IInventoryProcessClient process, CancellationToken cancellationToken)
    {
        var response = await process.GetOrderAsync(id, cancellationToken);
        return response is { IsSuccessStatusCode: true, Content: { } order }
            ? TypedResults.Ok(view(order))
            : ProcessAnswers.Relay(response, context);
    }

    public static async Task<IResult> CancelAsync<TView>(string id, string idempotencyKey, Func<Order, TView> view,
        HttpContext context, IInventoryProcessClient process, CancellationToken cancellationToken)
    {
        var response = await process.CancelOrderAsync(id, idempotencyKey, cancellationToken);
        return response is { IsSuccessStatusCode: true, Content: { } order }
            ? TypedResults.Ok(view(order))
            : ProcessAnswers.Relay(response, context);
    }
}
