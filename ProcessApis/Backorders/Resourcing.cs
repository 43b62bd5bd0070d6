using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.Contracts.Wms;
using IntegrationGateway.ProcessApis.Channels;
using IntegrationGateway.ProcessApis.Idempotency;
using IntegrationGateway.ProcessApis.Sourcing;

namespace IntegrationGateway.ProcessApis.Backorders;

/// <summary>
/// Sources units of one SKU again for an order (after a refusal, a short count, or when a backorder's stock arrives):
/// among the locations that serve the order's channel, leaving out one the WMS found short, with the channel's
/// strategy; reserves what it can at the ERP under the order's reference and says what could not be had.
/// </summary>
public sealed class Resourcing(IErpClient erp, IWmsClient wms, StockReader stock, ChannelStore channels)
{
    private const int MaxAttempts = 3;

    public async Task<ResourcingResult> ReserveAsync(string orderId, string channelId, string? shipToRegion, string sku, int units, string? excludedLocation,
        string keySeed, CancellationToken cancellationToken)
    {
        if (await channels.FindAsync(channelId, cancellationToken) is not { } channel)
        {
            return new ResourcingResult([], units);
        }
        // A location the WMS found short of the SKU is not trusted until it is counted (DESIGN.md: ERP-WMS drift is
        // reported for people, not overwritten); the ERP's figure for it is left as it is.
        var flagged = SystemAnswers.Content(await wms.ListCountFlagsAsync("open", sku, cancellationToken), "WMS")
            .Select(f => f.Location).ToHashSet(StringComparer.Ordinal);
        var reserved = new List<PlannedAllocation>();
        var remaining = units;
        for (var attempt = 1; attempt <= MaxAttempts && remaining > 0; attempt++)
        {
            var snapshot = await stock.ReadAsync([sku], channel, cancellationToken);
            var locations = snapshot.Locations.Where(l => l.Code != excludedLocation && !flagged.Contains(l.Code)).ToList();
            var plan = SourcingPlanner.PlanWithBackorders([new Demand(sku, remaining)], locations, snapshot.Available, shipToRegion, allowSplit: true, channel.SourcingStrategy);
            var refused = false;
            foreach (var allocation in plan.Allocations)
            {
                var response = await erp.CreateReservationAsync(DerivedKeys.Of(keySeed, attempt.ToString(), allocation.Location, allocation.Quantity.ToString()),
                    new ReservationRequest { Reference = orderId, Sku = sku, Location = allocation.Location, Quantity = allocation.Quantity }, cancellationToken);
                if (response.StatusCode is System.Net.HttpStatusCode.Conflict)
                {
                    // Someone took the units since our read; keep what holds and source the rest again.
                    refused = true;
                    continue;
                }
                ErpAnswers.Content(response);
                reserved.Add(allocation);
                remaining -= allocation.Quantity;
            }
            if (!refused)
            {
                break;
            }
        }
        return new ResourcingResult(reserved, remaining);
    }
}

/// <summary>Where units were reserved again, and how many of them must wait for stock.</summary>
public sealed record ResourcingResult(IReadOnlyList<PlannedAllocation> Reserved, int Backordered);
