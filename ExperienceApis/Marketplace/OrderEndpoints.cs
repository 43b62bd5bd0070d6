using IntegrationGateway.ExperienceApis.Channels;
using IntegrationGateway.Contracts.Marketplace;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ExperienceApis.Storefront;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.ExperienceApis.Marketplace;

public static class OrderEndpoints
{
    public static RouteGroupBuilder MapMarketplaceOrders(this RouteGroupBuilder marketplace)
    {
        marketplace.MapPost("/orders", PlaceAsync)
            .MapToApiVersion(MarketplaceApi.V1)
            .WithName("PlaceMarketplaceOrder")
            .WithSummary("Reserves stock for a marketplace order once per marketplaceOrderId; all lines hold or none.")
            .RequireAuthorization(Policies.AnyChannel, Policies.WriteOrders)
            .Produces<MarketplaceOrder>(201)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503);
        marketplace.MapGet("/orders/{id}", GetAsync)
            .MapToApiVersion(MarketplaceApi.V1)
            .WithName("GetMarketplaceOrder")
            .WithSummary("Reads one of this marketplace's orders.")
            .RequireAuthorization(Policies.AnyChannel, Policies.WriteOrders)
            .Produces<MarketplaceOrder>()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(503);
        marketplace.MapPost("/orders/{id}/cancel", CancelAsync)
            .MapToApiVersion(MarketplaceApi.V1)
            .WithName("CancelMarketplaceOrder")
            .WithSummary("Cancels an order and frees its stock; a second cancel is not an error.")
            .RequireAuthorization(Policies.AnyChannel, Policies.WriteOrders)
            .Produces<MarketplaceOrder>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503);
        return marketplace;
    }

    private static async Task<IResult> PlaceAsync(
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, MarketplaceOrderRequest request, HttpContext context,
        IInventoryProcessClient process, CancellationToken cancellationToken)
    {
        var channel = context.AdmittedChannel();
        var response = await process.ReserveOrderAsync(MarketplaceOrders.ProcessKey(request.MarketplaceOrderId), new OrderRequest
        {
            Channel = channel,
            OrderRef = request.MarketplaceOrderId,
            Lines = request.Lines.Select(l => new Contracts.Process.OrderLine { Sku = l.Sku, Quantity = l.Quantity }).ToList(),
            ShipToRegion = request.ShipToRegion,
            AllowSplit = true,
        }, cancellationToken);
        return response is { IsSuccessStatusCode: true, Content: { } order }
            ? TypedResults.Created($"{context.Request.PathBase}{context.Request.Path}/{order.Id}", MarketplaceOrders.Of(order))
            : ProcessAnswers.Relay(response, context);
    }

    private static Task<IResult> GetAsync([Id] string id, HttpContext context, IInventoryProcessClient process, CancellationToken cancellationToken) =>
        ChannelOrders.GetAsync(id, MarketplaceOrders.Of, context, process, cancellationToken);

    private static Task<IResult> CancelAsync(
        [Id] string id, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, HttpContext context,
        IInventoryProcessClient process, CancellationToken cancellationToken) =>
        ChannelOrders.CancelAsync(id, idempotencyKey!, MarketplaceOrders.Of, context, process, cancellationToken);
}
