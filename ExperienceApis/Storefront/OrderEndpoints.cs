using Asp.Versioning;
using IntegrationGateway.ExperienceApis.Channels;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.Contracts.Storefront;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.OpenApi;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ExperienceApis.Storefront;

public static class OrderEndpoints
{
    public static RouteGroupBuilder MapStorefrontOrders(this RouteGroupBuilder storefront, ApiVersion version)
    {
        storefront.MapPost("/orders", PlaceAsync)
            .MapToApiVersion(version)
            .WithName($"PlaceOrderV{version.MajorVersion}").WithContractOperation("PlaceOrder")
            .WithSummary("Reserves stock for a storefront order; all lines hold or none.")
            .RequireAuthorization(Policies.ChannelBound, Policies.WriteOrders)
            .Produces<StorefrontOrder>(201)
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503);
        storefront.MapGet("/orders/{id}", GetAsync)
            .MapToApiVersion(version)
            .WithName($"GetOrderV{version.MajorVersion}").WithContractOperation("GetOrder")
            .WithSummary("Reads one of this storefront's orders.")
            .RequireAuthorization(Policies.ChannelBound, Policies.WriteOrders)
            .Produces<StorefrontOrder>()
            .ProducesProblem(404).ProducesProblem(503);
        storefront.MapPost("/orders/{id}/cancel", CancelAsync)
            .MapToApiVersion(version)
            .WithName($"CancelOrderV{version.MajorVersion}").WithContractOperation("CancelOrder")
            .WithSummary("Cancels an order and frees its stock; a second cancel is not an error.")
            .RequireAuthorization(Policies.ChannelBound, Policies.WriteOrders)
            .Produces<StorefrontOrder>()
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503);
        return storefront;
    }

    private static async Task<IResult> PlaceAsync(
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, StorefrontOrderRequest request, HttpContext context,
        IInventoryProcessClient process, CancellationToken cancellationToken)
    {
        var channel = context.AdmittedChannel();
        var response = await process.ReserveOrderAsync(idempotencyKey!, new OrderRequest
        {
            Channel = channel,
            OrderRef = request.OrderRef,
            Lines = request.Lines.Select(l => new Contracts.Process.OrderLine { Sku = l.Sku, Quantity = l.Quantity }).ToList(),
            ShipToRegion = request.ShipToRegion,
            AllowSplit = request.AllowSplit ?? true,
        }, cancellationToken);
        return response is { IsSuccessStatusCode: true, Content: { } order }
            ? TypedResults.Created($"{context.Request.PathBase}{context.Request.Path}/{order.Id}", StorefrontOrders.Of(order))
            : ProcessAnswers.Relay(response, context);
    }

    private static Task<IResult> GetAsync([Id] string id, HttpContext context, IInventoryProcessClient process, CancellationToken cancellationToken) =>
        ChannelOrders.GetAsync(id, StorefrontOrders.Of, context, process, cancellationToken);

    private static Task<IResult> CancelAsync(
        [Id] string id, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, HttpContext context,
        IInventoryProcessClient process, CancellationToken cancellationToken) =>
        ChannelOrders.CancelAsync(id, idempotencyKey!, StorefrontOrders.Of, context, process, cancellationToken);
}
