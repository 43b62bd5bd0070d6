using IntegrationGateway.ServiceDefaults.Validation;
using IntegrationGateway.Contracts.B2b;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ExperienceApis.Channels;
using IntegrationGateway.ExperienceApis.Storefront;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Idempotency;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.ExperienceApis.B2b;

public static class OrderEndpoints
{
    public static RouteGroupBuilder MapB2bOrders(this RouteGroupBuilder b2b)
    {
        b2b.MapPost("/orders", PlaceAsync)
            .MapToApiVersion(B2bApi.V1)
            .WithName("PlaceB2bOrder")
            .WithSummary("Places a purchase order: lines split across locations when allowed, and units not in stock wait as backorders filled first come first served.")
            .RequireAuthorization(Policies.AnyChannel, Policies.WriteOrders)
            .Produces<B2bOrder>(201)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503);
        b2b.MapGet("/orders/{id}", GetAsync)
            .MapToApiVersion(B2bApi.V1)
            .WithName("GetB2bOrder")
            .WithSummary("Reads one order of the calling buyer's channel.")
            .RequireAuthorization(Policies.AnyChannel, Policies.WriteOrders)
            .Produces<B2bOrder>()
            .ProducesProblem(403).ProducesProblem(404);
        b2b.MapPost("/orders/{id}/cancel", CancelAsync)
            .MapToApiVersion(B2bApi.V1)
            .WithName("CancelB2bOrder")
            .WithSummary("Cancels an order: held units and backorders are released; a shipped order cannot be cancelled.")
            .RequireAuthorization(Policies.AnyChannel, Policies.WriteOrders)
            .Produces<B2bOrder>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503);
        return b2b;
    }

    private static async Task<IResult> PlaceAsync(
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, B2bOrderRequest request, HttpContext context,
        IInventoryProcessClient process, CancellationToken cancellationToken)
    {
        var channel = context.AdmittedChannel();
        // The process keeps keys per channel, so the buyer's own key is the process key, as for a storefront.
        var response = await process.ReserveOrderAsync(idempotencyKey!, new OrderRequest
        {
            Channel = channel,
            OrderRef = request.PurchaseOrderNumber,
            Lines = request.Lines.Select(l => new Contracts.Process.OrderLine { Sku = l.Sku, Quantity = l.Quantity }).ToList(),
            ShipToRegion = request.ShipToRegion,
            // An explicit null means the contract's default, as an absent field does.
            AllowSplit = request.AllowSplit ?? true,
            AllowBackorder = request.AllowBackorder ?? true,
        }, cancellationToken);
        return response is { IsSuccessStatusCode: true, Content: { } order }
            ? TypedResults.Created($"{context.Request.PathBase}{context.Request.Path}/{order.Id}", B2bOrders.Of(order))
            : ProcessAnswers.Relay(response, context);
    }

    private static Task<IResult> GetAsync([Id] string id, HttpContext context, IInventoryProcessClient process, CancellationToken cancellationToken) =>
        ChannelOrders.GetAsync(id, B2bOrders.Of, context, process, cancellationToken);

    private static Task<IResult> CancelAsync(
        [Id] string id, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, HttpContext context,
        IInventoryProcessClient process, CancellationToken cancellationToken) =>
        ChannelOrders.CancelAsync(id, idempotencyKey!, B2bOrders.Of, context, process, cancellationToken);
}
