using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.Contracts.Process;

namespace IntegrationGateway.ProcessApis.Sourcing;

/// <summary>Reads what sourcing and availability need from the ERP, through its generated client only.</summary>
public sealed class StockReader(IErpClient erp, LocationDirectory directory)
{
    public async Task<StockSnapshot> ReadAsync(IReadOnlyCollection<string> skus, Channel channel, CancellationToken cancellationToken)
    {
        // A body, not ListBalances: a thousand SKUs as query parameters overflow the ERP's 8 KB request line.
        var balancesCall = erp.QueryBalancesAsync(new BalanceQuery { Skus = skus.ToList() }, cancellationToken);
        var locations = await directory.GetAsync(erp, cancellationToken);
        var balances = ErpAnswers.Content(await balancesCall);
        return new StockSnapshot(Serving(channel, locations), balances.ToList());
    }

    /// <summary>
    /// The locations that serve the channel: those it lists, with its own priorities, or when it lists none every
    /// ERP location in the ERP's priority order. A listed location the ERP no longer has serves nothing.
    /// </summary>
    public static IReadOnlyList<SourceLocation> Serving(Channel channel, IEnumerable<Location> erpLocations)
    {
        var erpByCode = erpLocations.ToDictionary(l => l.Code, StringComparer.Ordinal);
        if (channel.Locations.Count == 0)
        {
            return erpByCode.Values.Select(l => new SourceLocation(l.Code, l.Region, l.Priority)).ToList();
        }
        return channel.Locations
            .Where(l => erpByCode.ContainsKey(l.Location))
            .Select(l => new SourceLocation(l.Location, erpByCode[l.Location].Region, l.Priority))
            .ToList();
    }
}
