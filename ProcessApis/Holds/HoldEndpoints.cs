using System.Security.Claims;
using System.Text.RegularExpressions;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Channels;
using IntegrationGateway.ProcessApis.Idempotency;
using IntegrationGateway.ProcessApis.OrderBook;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ProcessApis.Holds;

public static partial class HoldEndpoints
{
    public static RouteGroupBuilder MapHolds(this RouteGroupBuilder process)
    {
        process.MapPost("/carts/{cartId}/holds", HoldAsync)
            .WithName("HoldCart")
            .WithSummary("Holds stock for a cart until it expires: every line holds, or nothing is added; a cart holding again adds lines and moves the whole cart's expiry.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<CartHolds>(201)
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503);
        process.MapPost("/carts/{cartId}/confirm", ConfirmAsync)
            .WithName("ConfirmCart")
            .WithSummary("Turns a cart's unexpired holds into an order; an expired cart is refused with cart-expired.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<Order>(201)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503);
        process.MapPost("/carts/{cartId}/release", ReleaseAsync)
            .WithName("ReleaseCart")
            .WithSummary("Releases every active hold of a cart; releasing again is not an error.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<CartHolds>()
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(422).ProducesProblem(503);
        return process;
    }

    private static async Task<IResult> HoldAsync(
        [CartId] string cartId, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, CartHoldRequest request, ClaimsPrincipal user,
        IdempotencyStore keys, ChannelStore channels, HoldStore holds, CartHolding carts, IOptions<HoldOptions> options, CancellationToken cancellationToken)
    {
        if (CartIdRefusal(cartId) is { } badCart)
        {
            return badCart;
        }
        if (request.TtlSeconds < options.Value.MinTtlSeconds || request.TtlSeconds > options.Value.MaxTtlSeconds)
        {
            return Problem.Validation("ttlSeconds", $"Hold for {options.Value.MinTtlSeconds} to {options.Value.MaxTtlSeconds} seconds.");
        }
        if (!ChannelAccess.Allows(user, request.Channel))
        {
            return ChannelAccess.Forbidden(request.Channel);
        }
        if (await channels.FindAsync(request.Channel, cancellationToken) is not { } channel)
        {
            return Problem.Validation("channel", $"No channel '{request.Channel}'; an operator creates it with PUT /process/v1/channels/{{id}}.");
        }
        return await KeyedCommand.RunAsync(keys, channel.Id, idempotencyKey!, IdempotencyKey.Fingerprint("hold", new { cartId, request }), async () =>
        {
            var live = await holds.ListAsync(cartId, cancellationToken);
            if (live.Any(r => r.State is HoldStates.Active or HoldStates.Confirming && r.Channel != channel.Id))
            {
                return Answer.Problem(HoldProblems.CartOfAnotherChannel(cartId));
            }
            return await carts.HoldAsync(cartId, request, channel, idempotencyKey!, cancellationToken) switch
            {
                HoldOutcome.Held held => Answer.Json(201, held.Cart),
                HoldOutcome.Short shortfall => Answer.Problem(OrderProblems.InsufficientStock(shortfall.Shortages)),
                HoldOutcome.UnknownSkus unknown => Answer.Unkept(Problem.Validation("lines", $"Unknown SKU: {string.Join(", ", unknown.Skus)}.")),
                _ => throw new InvalidOperationException("Unexpected hold outcome."),
            };
        }, cancellationToken);
    }

    private static async Task<IResult> ConfirmAsync(
        [CartId] string cartId, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, CartConfirmRequest request, ClaimsPrincipal user,
        IdempotencyStore keys, ChannelStore channels, HoldStore holds, CartConfirmation confirmations, CancellationToken cancellationToken)
    {
        if (CartIdRefusal(cartId) is { } badCart)
        {
            return badCart;
        }
        if (await VisibleChannelAsync(cartId, user, holds, cancellationToken) is not { } channelId
            || await channels.FindAsync(channelId, cancellationToken) is not { } channel)
        {
            return Problem.NotFound($"No cart {cartId}.");
        }
        return await KeyedCommand.RunAsync(keys, channel.Id, idempotencyKey!, IdempotencyKey.Fingerprint("confirm", new { cartId, request }),
            () => confirmations.ConfirmAsync(cartId, request, channel, idempotencyKey!, cancellationToken), cancellationToken);
    }

    private static async Task<IResult> ReleaseAsync(
        [CartId] string cartId, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, ClaimsPrincipal user,
        IdempotencyStore keys, HoldStore holds, CartHolding carts, CancellationToken cancellationToken)
    {
        if (CartIdRefusal(cartId) is { } badCart)
        {
            return badCart;
        }
        if (await VisibleChannelAsync(cartId, user, holds, cancellationToken) is not { } channel)
        {
            return Problem.NotFound($"No cart {cartId}.");
        }
        return await KeyedCommand.RunAsync(keys, channel, idempotencyKey!, IdempotencyKey.Fingerprint("release", cartId), async () =>
            Answer.Json(200, await carts.ReleaseAsync(cartId, channel, cancellationToken)), cancellationToken);
    }

    /// <summary>The channel of the cart's latest hold; another channel's cart is reported as absent.</summary>
    private static async Task<string?> VisibleChannelAsync(string cartId, ClaimsPrincipal user, HoldStore holds, CancellationToken cancellationToken) =>
        (await holds.ListAsync(cartId, cancellationToken)).FirstOrDefault() is { } latest && ChannelAccess.Allows(user, latest.Channel) ? latest.Channel : null;

    /// <summary>Cart ids fit the ERP reference ("hold:" + cart id + ":" + 10 characters, at most 64).</summary>
    public static IResult? CartIdRefusal(string cartId) =>
        CartIdPattern().IsMatch(cartId) ? null : Problem.Validation("cartId", "A cart id is 1 to 48 letters, digits, '-' or '_'.");

    [GeneratedRegex("^[A-Za-z0-9_-]{1,48}$")]
    private static partial Regex CartIdPattern();
}
