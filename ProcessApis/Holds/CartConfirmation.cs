using System.Net;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Idempotency;
using IntegrationGateway.ProcessApis.OrderBook;
using IntegrationGateway.ProcessApis.Sourcing;
using IntegrationGateway.ProcessApis.Steps;
using IntegrationGateway.ServiceDefaults.Problems;

namespace IntegrationGateway.ProcessApis.Holds;

/// <summary>
/// Turns a cart's unexpired holds into an order without letting go of a unit: the holds are claimed for a pending order
/// in one transaction, the ERP moves their reservations to the order's reference in one step, and the order, its
/// placements (exactly where the holds were), its holds and its Idempotency-Key are recorded in one transaction. Another
/// buyer never sees the units sellable in between. After a crash, recovery runs the same finish under the same ERP key.
/// </summary>
public sealed class CartConfirmation(IErpClient erp, StockReader stock, HoldStore holds, OrderStore orders, CartHolding carts, IStepHook steps,
    TimeProvider time, ILogger<CartConfirmation> logger)
{
    public async Task<Answer> ConfirmAsync(string cartId, CartConfirmRequest request, Channel channel, string idempotencyKey, CancellationToken cancellationToken)
    {
        var orderId = "ord_" + Guid.CreateVersion7().ToString("N");
        var claimed = await holds.ClaimForOrderAsync(cartId, orderId, (connection, transaction, rows) =>
            OrderStore.InsertPendingAsync(connection, transaction, orderId, channel.Id, request.OrderRef, request.ShipToRegion, idempotencyKey,
                SourcingPlanner.Summed(rows.Select(r => (r.Sku, r.Quantity))), time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken), cancellationToken);
        if (claimed.Count == 0)
        {
            return Answer.Problem(HoldProblems.CartExpired(cartId));
        }
        await steps.ReachedAsync(ProcessSteps.ConfirmClaimed, cancellationToken);
        try
        {
            return await FinishAsync(orderId, channel, cancellationToken);
        }
        catch (Exception failure) when (DependencyFailure.IsDependencyFailure(failure, cancellationToken))
        {
            // Whether the ERP moved the holds is not known. Recovery asks again under the same ERP key, finishes the order
            // either way and stores its answer; until then a retry with this key is told the request is in progress.
            logger.LogWarning(failure, "Confirm of cart {CartId} as {OrderId} is left to recovery", cartId, orderId);
            return Answer.Finishing(new RetryAfterResult(TypedResults.Problem(Problem.Details(503, ProblemTypes.DependencyUnavailable, "A dependency is unavailable.",
                "The confirm is finished as soon as the ERP answers; retry with the same Idempotency-Key to get its answer."))));
        }
    }

    /// <summary>
    /// Moves the order's confirming holds to it at the ERP and records the order; a refusal (the holds no longer hold
    /// what was claimed) releases what they still hold and refuses the order as short, so nothing half-made stays.
    /// </summary>
    public async Task<Answer> FinishAsync(string orderId, Channel channel, CancellationToken cancellationToken)
    {
        var rows = await holds.ListOfOrderAsync(orderId, HoldStates.Confirming, cancellationToken);
        if (rows.Count == 0)
        {
            throw new InvalidOperationException($"Order {orderId} has no confirming holds.");
        }
        var transfer = new ReservationTransfer
        {
            From = rows.Select(r => r.Reference).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            To = orderId,
            Lines = rows.GroupBy(r => (r.Sku, r.Location)).Select(g => new TransferLine { Sku = g.Key.Sku, Location = g.Key.Location, Quantity = g.Sum(r => r.Quantity) }).ToList(),
        };
        var response = await erp.TransferReservationsAsync($"{orderId}:confirm", transfer, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return await RefuseAsync(orderId, channel, rows, cancellationToken);
        }
        var moved = ErpAnswers.Content(response);
        await steps.ReachedAsync(ProcessSteps.ConfirmTransferred, cancellationToken);
        // Placed exactly where the holds were: the ERP moved those reservations, nothing was sourced again.
        var placements = moved.Transferred.GroupBy(r => (r.Sku, r.Location)).Select(g => new PlannedAllocation(g.Key.Sku, g.Key.Location, g.Sum(r => r.Quantity))).ToList();
        var order = await orders.MarkReservedAsync(orderId, placements, [], cancellationToken,
            (connection, transaction) => HoldStore.MoveOfOrderAsync(connection, transaction, orderId, HoldStates.Confirming, HoldStates.Confirmed, cancellationToken))
            ?? throw new DependencyUnavailableException("order recovery", 409);
        await steps.ReachedAsync(ProcessSteps.ConfirmRecorded, cancellationToken);
        return Answer.Json(201, order);
    }

    private async Task<Answer> RefuseAsync(string orderId, Channel channel, IReadOnlyList<HoldRow> rows, CancellationToken cancellationToken)
    {
        // A count took units back from a hold, or it went meanwhile: the cart cannot become the order it held. The holds
        // pass through releasing first, so the sweeper finishes their release if the ERP cannot be reached now.
        await holds.MoveOfOrderAsync(orderId, HoldStates.Confirming, HoldStates.Releasing, CancellationToken.None);
        await orders.MoveAsync(orderId, OrderStates.Pending, OrderStates.Rejected, CancellationToken.None);
        foreach (var reference in rows.Select(r => r.Reference).Distinct(StringComparer.Ordinal))
        {
            await carts.ReleaseReferenceAsync(reference, HoldStates.Releasing, cancellationToken);
        }
        var demand = SourcingPlanner.Summed(rows.Select(r => (r.Sku, r.Quantity)));
        var now = await stock.ReadAsync(demand.Select(d => d.Sku).ToList(), channel, cancellationToken);
        return Answer.Problem(OrderProblems.InsufficientStock(demand
            .Select(d => new Shortage(d.Sku, d.Quantity, now.Balances.Where(b => b.Sku == d.Sku).Sum(b => b.Available))).ToList()));
    }

    /// <summary>A 503 that carries Retry-After, as the exception handler's own do.</summary>
    private sealed class RetryAfterResult(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = DependencyFailure.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
