using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.Contracts.Wms;
using IntegrationGateway.ProcessApis.Holds;
using IntegrationGateway.ProcessApis.Orders;
using IntegrationGateway.ProcessApis.Sourcing;

namespace IntegrationGateway.ProcessApis.Fulfilment;

/// <summary>
/// A cycle count (DESIGN.md: cycle count -> ledger posting). The ERP sets on-hand and, when fewer units were found than
/// are committed, takes back the newest commitments; each one taken from an order is sourced again elsewhere or
/// backordered, one taken from a cart hold shrinks the hold. The WMS's count flags for the balance are then resolved.
/// </summary>
public sealed class StockCounts(IErpClient erp, IWmsClient wms, OrderStore orders, PlacementStore placements, HoldStore holds,
    OrderFulfilment fulfilment, Resourcing resourcing)
{
    public async Task<Answer> PostAsync(StockCountRequest request, string key, CancellationToken cancellationToken)
    {
        var counted = await erp.PostCycleCountAsync(DerivedKeys.Of("count", key), new CycleCountRequest
        {
            Sku = request.Sku,
            Location = request.Location,
            CountedOnHand = request.CountedOnHand,
            ReferenceDocument = request.ReferenceDocument,
        }, cancellationToken);
        if (Refusals.IsRefusal(counted))
        {
            return Answer.Problem(Refusals.Of(counted, "ERP"));
        }
        var result = ErpAnswers.Content(counted);
        var shortLines = new List<ShortLine>();
        foreach (var taken in result.Shorted)
        {
            shortLines.Add(await ResolveAsync(taken, key, cancellationToken));
        }
        SystemAnswers.Content(await wms.ResolveCountFlagsAsync(DerivedKeys.Of("count-flags", key), new CountFlagResolution
        {
            Sku = request.Sku,
            Location = request.Location,
            ReferenceDocument = request.ReferenceDocument ?? "count " + key[..Math.Min(key.Length, 58)],
        }, cancellationToken), "WMS");
        return Answer.Json(201, new StockCountResult
        {
            Sku = request.Sku,
            Location = request.Location,
            OnHand = result.Balance.OnHand,
            Available = result.Balance.Available,
            ShortLines = shortLines,
        });
    }

    private async Task<ShortLine> ResolveAsync(Reservation taken, string key, CancellationToken cancellationToken)
    {
        var line = new ShortLine { Reference = taken.Reference, Sku = taken.Sku, Location = taken.Location, Quantity = taken.Quantity, Outcome = ShortOutcome.Released };
        var order = taken.Reference.Length <= 40 ? await orders.FindAsync(taken.Reference, cancellationToken) : null;
        if (order is not { State: OrderStates.Reserved })
        {
            // A cart hold shrinks by what the count took; anything else (a cancelled order, a reservation made outside
            // the process) had nothing more to lose.
            await holds.ShrinkAsync(taken.Reference, taken.Sku, taken.Location, taken.Quantity, cancellationToken);
            return line;
        }
        var seed = $"count:{key}:{taken.Id}";
        var (_, reserved) = await placements.AtAsync(order.Id, taken.Sku, taken.Location, cancellationToken);
        ResourcingResult outcome;
        if (reserved >= taken.Quantity)
        {
            // Only units not yet on the floor were taken: source that many again; the location may still serve them.
            outcome = await resourcing.ReserveAsync(order.Id, order.Channel, order.ShipToRegion, taken.Sku, taken.Quantity, null, seed, cancellationToken);
            await placements.ReplaceAsync(order.Id, taken.Sku, taken.Location, taken.Quantity, outcome.Reserved, outcome.Backordered, cancellationToken);
        }
        else
        {
            // Units of an open pick were taken: the pick is withdrawn and everything of the SKU there is sourced again.
            // (A pick the WMS shipped meanwhile refuses; its confirmation will find the units released and answer 409.)
            foreach (var pick in order.Placements.Where(p => p.Sku == taken.Sku && p.Location == taken.Location && p.State == PlacementStates.Allocated).DistinctBy(p => p.PickId))
            {
                await fulfilment.WithdrawPickAsync(pick.PickId!, cancellationToken);
            }
            outcome = await fulfilment.GiveBackAndResourceAsync(order.Id, taken.Sku, taken.Location, excluded: null, seed, cancellationToken);
        }
        line.Outcome = outcome.Backordered > 0 ? ShortOutcome.Backordered : ShortOutcome.ReSourced;
        return line;
    }
}
