using System.Security.Claims;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Channels;
using IntegrationGateway.ProcessApis.Idempotency;
using IntegrationGateway.ProcessApis.OrderBook;
using IntegrationGateway.ProcessApis.Sourcing;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.ProcessApis.Orders;

public static class OrderEndpoints
{
    public static RouteGroupBuilder MapOrders(this RouteGroupBuilder process)
    {
        process.MapPost("/orders", ReserveAsync)
            .WithName("ReserveOrder")
            .WithSummary("Sources and reserves a multi-line order: every line holds, or nothing is left behind.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<Order>(201)
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503);
        process.MapGet("/orders/{id}", GetAsync)
            .WithName("GetOrder")
            .WithSummary("Reads one order.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<Order>()
            .ProducesProblem(404);
        process.MapPost("/orders/{id}/cancel", CancelAsync)
            .WithName("CancelOrder")
            .WithSummary("Cancels an order and releases its reservations; cancelling again is not an error.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<Order>()
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503);
        return process;
    }

    private static async Task<IResult> ReserveAsync(
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, OrderRequest request, ClaimsPrincipal user,
        IdempotencyStore keys, ChannelStore channels, OrderReservation reservation, CancellationToken cancellationToken)
    {
        if (!ChannelAccess.Allows(user, request.Channel))
        {
            return ChannelAccess.Forbidden(request.Channel);
        }
        if (await channels.FindAsync(request.Channel, cancellationToken) is not { } channel)
        {
            return Problem.Validation("channel", $"No channel '{request.Channel}'; an operator creates it with PUT /process/v1/channels/{{id}}.");
        }

        return await KeyedCommand.RunAsync(keys, request.Channel, idempotencyKey!, IdempotencyKey.Fingerprint("order", request), async () =>
        {
            var demand = SourcingPlanner.Summed(request.Lines.Select(l => (l.Sku, l.Quantity)));
            var orderId = "ord_" + Guid.CreateVersion7().ToString("N");
            return await reservation.ReserveAsync(orderId, request, channel, idempotencyKey!, demand, cancellationToken) switch
            {
                ReservationOutcome.Reserved reserved => Answer.Json(201, reserved.Order),
                ReservationOutcome.Short shortfall => Answer.Problem(OrderProblems.InsufficientStock(shortfall.Shortages)),
                ReservationOutcome.UnknownSkus unknown => Answer.Unkept(Problem.Validation("lines", $"Unknown SKU: {string.Join(", ", unknown.Skus)}.")),
                _ => throw new InvalidOperationException("Unexpected reservation outcome."),
            };
        }, cancellationToken);
    }

    private static async Task<IResult> GetAsync([Id] string id, ClaimsPrincipal user, OrderStore orders, CancellationToken cancellationToken) =>
        await FindVisibleAsync(id, user, orders, cancellationToken) is { } order ? TypedResults.Ok(order.ToContract()) : Problem.NotFound($"No order {id}.");

    private static async Task<IResult> CancelAsync(
        [Id] string id, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, ClaimsPrincipal user,
        OrderStore orders, OrderLeases leases, IdempotencyStore keys, OrderCancellation cancellation, CancellationToken cancellationToken)
    {
        if (await FindVisibleAsync(id, user, orders, cancellationToken) is not { } order)
        {
            return Problem.NotFound($"No order {id}.");
        }
        return await KeyedCommand.RunAsync(keys, order.Channel, idempotencyKey!, IdempotencyKey.Fingerprint("cancel", id),
            () => leases.AnswerAsync(order.Id, async () => await cancellation.CancelAsync((await orders.FindAsync(order.Id, cancellationToken))!, idempotencyKey!, cancellationToken),
                cancellationToken), cancellationToken);
    }

    private static async Task<OrderRecord?> FindVisibleAsync(string id, ClaimsPrincipal user, OrderStore orders, CancellationToken cancellationToken)
    {
        var order = id.Length <= 40 ? await orders.FindAsync(id, cancellationToken) : null;
        // Another channel's order is reported as absent, not forbidden: its existence is not this client's business.
        return order is { IsVisible: true } && ChannelAccess.Allows(user, order.Channel) ? order : null;
    }
}
