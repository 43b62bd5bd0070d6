using IntegrationGateway.ServiceDefaults.Stock;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Sourcing;

namespace IntegrationGateway.ProcessApis.Holds;

/// <summary>
/// The ERP's balances with holds judged at read time: units the ERP still reserves for an expired hold (not yet
/// swept) or for the reader's own cart are counted as available again.
/// </summary>
public sealed class HeldStock(StockReader stock, HoldStore holds)
{
    public async Task<StockSnapshot> ReadAsync(IReadOnlyList<string> skus, Channel channel, string? cartId, CancellationToken cancellationToken)
    {
        var snapshot = await stock.ReadAsync(skus, channel, cancellationToken);
        var freed = await holds.FreedAsync(skus, cartId, cancellationToken);
        return new StockSnapshot(snapshot.Locations, snapshot.Balances.Select(b => Freed(b, freed.GetValueOrDefault((b.Sku, b.Location)))).ToList());
    }

    private static Balance Freed(Balance balance, int units)
    {
        // Never more than the ERP reserves: a hold released a moment ago may still be marked active here.
        var back = Math.Min(units, balance.Reserved);
        if (back <= 0)
        {
            return balance;
        }
        var reserved = balance.Reserved - back;
        return new Balance
        {
            Sku = balance.Sku,
            Location = balance.Location,
            SkuClass = balance.SkuClass,
            OnHand = balance.OnHand,
            Reserved = reserved,
            Allocated = balance.Allocated,
            Damaged = balance.Damaged,
            Inspection = balance.Inspection,
            SafetyStock = balance.SafetyStock,
            InTransit = balance.InTransit,
            Inbound = balance.Inbound,
            InboundEta = balance.InboundEta,
            Version = balance.Version,
            Available = AvailableToSell.Of(balance.OnHand, reserved, balance.Allocated, balance.Damaged, balance.Inspection, balance.SafetyStock),
        };
    }
}
