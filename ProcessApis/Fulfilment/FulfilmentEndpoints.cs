using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Backorders;
using IntegrationGateway.ProcessApis.Idempotency;
using IntegrationGateway.ProcessApis.OrderBook;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.ProcessApis.Fulfilment;

/// <summary>Warehouse-facing operations: internal callers (the WMS connector, operators) with the admin scope.</summary>
public static class FulfilmentEndpoints
{
    private const string Scope = "fulfilment";

    public static RouteGroupBuilder MapFulfilment(this RouteGroupBuilder process)
    {
        process.MapPost("/orders/{id}/allocate", AllocateAsync)
            .WithName("AllocateOrder")
            .WithSummary("Releases an order's reserved units to the WMS as picks; a pick the WMS refuses is re-sourced or backordered.")
            .RequireAuthorization(Policies.Admin)
            .Produces<Order>()
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503);
        process.MapPost("/picks/{id}/ship-confirm", ConfirmShipmentAsync)
            .WithName("ConfirmPickShipment")
            .WithSummary("Posts a shipment the WMS confirmed: the pick's units leave (allocated and on-hand down at the ERP).")
            .RequireAuthorization(Policies.Admin)
            .Produces<Order>()
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503);
        process.MapPost("/picks/{id}/refusal", RefuseAsync)
            .WithName("ReportPickRefusal")
            .WithSummary("Posts a pick the warehouse found physically short: the location is flagged for a count and the units are re-sourced elsewhere or backordered.")
            .RequireAuthorization(Policies.Admin)
            .Produces<Order>()
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503);
        process.MapPost("/stock-counts", CountAsync)
            .WithName("PostStockCount")
            .WithSummary("Posts a cycle count; when fewer units are found than are committed, the newest commitments are taken back and re-sourced or backordered, never left negative.")
            .RequireAuthorization(Policies.Admin)
            .Produces<StockCountResult>(201)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(422).ProducesProblem(503);
        process.MapPost("/backorders/fill", FillAsync)
            .WithName("FillBackorders")
            .WithSummary("Reserves arrived stock for open backorders, first come first served; runs by itself every few seconds too.")
            .RequireAuthorization(Policies.Admin)
            .Produces<BackorderFillResult>()
            .ProducesProblem(400).ProducesProblem(422).ProducesProblem(503);
        return process;
    }

    private static async Task<IResult> AllocateAsync([Id] string id, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey,
        OrderStore orders, OrderLeases leases, IdempotencyStore keys, OrderFulfilment fulfilment, CancellationToken cancellationToken)
    {
        if ((id.Length <= 40 ? await orders.FindAsync(id, cancellationToken) : null) is not { IsVisible: true } order)
        {
            return Problem.NotFound($"No order {id}.");
        }
        return await KeyedCommand.RunAsync(keys, Scope, idempotencyKey!, IdempotencyKey.Fingerprint("allocate", id),
            () => leases.AnswerAsync(order.Id, async () => await fulfilment.AllocateAsync((await orders.FindAsync(order.Id, cancellationToken))!, idempotencyKey!, cancellationToken),
                cancellationToken), cancellationToken);
    }

    private static Task<IResult> ConfirmShipmentAsync([Id] string id, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey,
        PlacementStore placements, OrderLeases leases, IdempotencyStore keys, OrderFulfilment fulfilment, CancellationToken cancellationToken) =>
        OnPickAsync(id, idempotencyKey, "ship-confirm", id, placements, leases, keys,
            (orderId, pick) => fulfilment.ConfirmShipmentAsync(orderId, pick, idempotencyKey!, cancellationToken), cancellationToken);

    private static Task<IResult> RefuseAsync([Id] string id, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, PickRefusalReport report,
        PlacementStore placements, OrderLeases leases, IdempotencyStore keys, OrderFulfilment fulfilment, CancellationToken cancellationToken) =>
        OnPickAsync(id, idempotencyKey, "refusal", new { id, report.Reason }, placements, leases, keys,
            (orderId, pick) => fulfilment.RefuseAsync(orderId, pick, report.Reason, idempotencyKey!, cancellationToken), cancellationToken);

    private static async Task<IResult> OnPickAsync(string pickId, string? idempotencyKey, string operation, object fingerprinted, PlacementStore placements,
        OrderLeases leases, IdempotencyStore keys, Func<string, IReadOnlyList<Placement>, Task<Answer>> command, CancellationToken cancellationToken)
    {
        // The key is judged first: a refused pick's units moved on, and a replay must still get the first answer.
        return await KeyedCommand.RunAsync(keys, Scope, idempotencyKey!, IdempotencyKey.Fingerprint(operation, fingerprinted), async () =>
            (pickId.Length <= 40 ? await placements.FindByPickAsync(pickId, cancellationToken) : null) is { } found
                // The pick's placements are read again under the order's lease: another change may just have moved them.
                ? await leases.AnswerAsync(found.OrderId, async () => await placements.FindByPickAsync(pickId, cancellationToken) is { } pick
                    ? await command(pick.OrderId, pick.Placements)
                    : Answer.Unkept(Problem.NotFound($"No pick {pickId} belongs to an order.")), cancellationToken)
                : Answer.Unkept(Problem.NotFound($"No pick {pickId} belongs to an order.")), cancellationToken);
    }

    private static async Task<IResult> CountAsync([FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, StockCountRequest request,
        IdempotencyStore keys, StockCounts counts, CancellationToken cancellationToken)
    {
        return await KeyedCommand.RunAsync(keys, Scope, idempotencyKey!, IdempotencyKey.Fingerprint("count", request),
            () => counts.PostAsync(request, idempotencyKey!, cancellationToken), cancellationToken);
    }

    private static async Task<IResult> FillAsync([FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey,
        IdempotencyStore keys, BackorderFiller filler, CancellationToken cancellationToken)
    {
        return await KeyedCommand.RunAsync(keys, Scope, idempotencyKey!, IdempotencyKey.Fingerprint("fill", "backorders"),
            async () => Answer.Json(200, await filler.FillAsync(null, waitForBusyOrders: true, cancellationToken)), cancellationToken);
    }
}
