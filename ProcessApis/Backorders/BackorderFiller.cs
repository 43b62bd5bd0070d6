using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Fulfilment;
using IntegrationGateway.ProcessApis.Sourcing;

namespace IntegrationGateway.ProcessApis.Backorders;

/// <summary>
/// Fills backorders first come, first served: open backorders are visited oldest first, and each takes what the
/// locations serving its channel hold now before a younger one is looked at, so stock that arrives (a receipt, a
/// transfer in, a return to sellable) goes to whoever waited longest. One pass runs at a time in this process; between
/// processes the backorder's quantity is the compare-and-set, so no unit is recorded twice.
/// </summary>
public sealed class BackorderFiller(BackorderStore backorders, Resourcing resourcing, IErpClient erp, ILogger<BackorderFiller> logger)
{
    private static readonly SemaphoreSlim OnePass = new(1, 1);

    /// <summary>
    /// One pass over the open backorders, or over those of <paramref name="skus"/> only: an order about to take stock
    /// of a SKU lets the units waiting for it go first, so arriving stock is never served out of turn.
    /// </summary>
    public async Task<BackorderFillResult> FillAsync(IReadOnlyCollection<string>? skus, CancellationToken cancellationToken)
    {
        if (skus is not null && (await backorders.ListOpenAsync(skus, cancellationToken)).Count == 0)
        {
            // The common case on the order path: nothing waits for these SKUs, so no pass and no lock.
            return new BackorderFillResult { Filled = [], Open = 0 };
        }
        await OnePass.WaitAsync(cancellationToken);
        try
        {
            var filled = new List<BackorderFill>();
            foreach (var backorder in await backorders.ListOpenAsync(skus, cancellationToken))
            {
                // The key names the backorder and what it still wanted, so a pass cut short and run again repeats nothing.
                var seed = $"backorder:{backorder.Id}:{backorder.Quantity}";
                var result = await resourcing.ReserveAsync(backorder.OrderId, backorder.Channel, backorder.ShipToRegion, backorder.Sku, backorder.Quantity, null, seed, cancellationToken);
                if (result.Reserved.Count == 0)
                {
                    continue;
                }
                if (!await backorders.FillAsync(backorder, result.Reserved, cancellationToken))
                {
                    // Cancelled or filled by another process meanwhile: what we reserved is not the order's to keep.
                    logger.LogInformation("Backorder {BackorderId} moved on while being filled; releasing what was reserved", backorder.Id);
                    foreach (var reserved in result.Reserved)
                    {
                        ErpAnswers.Content(await erp.ReleaseReservationsAsync(DerivedKeys.Of("backorder-undo", seed, reserved.Location),
                            new ReleaseRequest { Reference = backorder.OrderId, Sku = reserved.Sku, Location = reserved.Location }, cancellationToken));
                    }
                    continue;
                }
                filled.AddRange(result.Reserved.Select(r => new BackorderFill { OrderId = backorder.OrderId, Sku = r.Sku, Location = r.Location, Quantity = r.Quantity }));
            }
            return new BackorderFillResult { Filled = filled, Open = await backorders.OpenUnitsAsync(cancellationToken) };
        }
        finally
        {
            OnePass.Release();
        }
    }
}
