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
using V2 = IntegrationGateway.Contracts.StorefrontV2;

namespace IntegrationGateway.ExperienceApis.Storefront;

/// <summary>Cart holds (v1 and v2, one shape): the storefront's channel is the caller's, confirmed with the process API, as for orders.</summary>
public static class CartEndpoints
{
    public static RouteGroupBuilder MapStorefrontCarts(this RouteGroupBuilder storefront, ApiVersion version)
    {
        storefront.MapPost("/carts/{cartId}/holds", HoldAsync)
            .MapToApiVersion(version)
            .WithName($"HoldCartV{version.MajorVersion}").WithContractOperation("HoldCart")
            .WithSummary("Holds stock for a cart until it expires; holding again adds lines and moves the whole cart's expiry.")
            .RequireAuthorization(Policies.ChannelBound, Policies.WriteOrders)
            .Produces<V2.CartHolds>(201)
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503);
        storefront.MapPost("/carts/{cartId}/confirm", ConfirmAsync)
            .MapToApiVersion(version)
            .WithName($"ConfirmCartV{version.MajorVersion}").WithContractOperation("ConfirmCart")
            .WithSummary("Turns a cart's unexpired holds into an order; an expired cart is refused with cart-expired.")
            .RequireAuthorization(Policies.ChannelBound, Policies.WriteOrders)
            .Produces<StorefrontOrder>(201)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503);
        return storefront;
    }

    private static async Task<IResult> HoldAsync(
        [CartId] string cartId, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, V2.CartHoldRequest request, HttpContext context,
        IInventoryProcessClient process, CancellationToken cancellationToken)
    {
        var channel = context.AdmittedChannel();
        var response = await process.HoldCartAsync(cartId, idempotencyKey!, new IntegrationGateway.Contracts.Process.CartHoldRequest
        {
            Channel = channel,
            Lines = request.Lines.Select(l => new OrderLine { Sku = l.Sku, Quantity = l.Quantity }).ToList(),
            TtlSeconds = request.TtlSeconds,
        }, cancellationToken);
        return response is { IsSuccessStatusCode: true, Content: { } cart }
            ? TypedResults.Created((string?)null, new V2.CartHolds
            {
                CartId = cart.CartId,
                ExpiresAt = cart.ExpiresAt,
                Lines = cart.Lines.Select(l => new V2.HeldLine
                {
                    Sku = l.Sku,
                    Quantity = l.Quantity,
                    Allocations = l.Allocations.Select(a => new V2.HeldAllocation { Location = a.Location, Quantity = a.Quantity }).ToList(),
                }).ToList(),
            })
            : ProcessAnswers.Relay(response, context);
    }

    private static async Task<IResult> ConfirmAsync(
        [CartId] string cartId, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, V2.CartConfirmRequest request, HttpContext context,
        IInventoryProcessClient process, CancellationToken cancellationToken)
    {
        var channel = context.AdmittedChannel();
        var response = await process.ConfirmCartAsync(cartId, idempotencyKey!, new IntegrationGateway.Contracts.Process.CartConfirmRequest { OrderRef = request.OrderRef, ShipToRegion = request.ShipToRegion }, cancellationToken);
        return response is { IsSuccessStatusCode: true, Content: { } order }
            ? TypedResults.Created($"{context.Request.PathBase}/storefront/{VersionSegment(context)}/orders/{order.Id}", StorefrontOrders.Of(order))
            : ProcessAnswers.Relay(response, context);
    }

    /// <summary>The version the caller used ("v1" in /storefront/v1/carts/...), so the order's Location is in its own version.</summary>
    private static string VersionSegment(HttpContext context) => context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries)[1];
}
