using IntegrationGateway.Contracts.Erp;

namespace IntegrationGateway.ProcessApis.Sourcing;

/// <summary>Reads what sourcing and availability need from the ERP, through its generated client only.</summary>
public sealed class StockReader(IErpClient erp)
{
    public async Task<StockSnapshot> ReadAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var locationsCall = erp.ListLocationsAsync(cancellationToken);
        var balancesCall = erp.ListBalancesAsync(skus, cancellationToken);
        var locations = ErpAnswers.Content(await locationsCall);
        var balances = ErpAnswers.Content(await balancesCall);
        // Every location serves every channel until channels carry their own eligible locations.
        var sources = locations.Select(l => new SourceLocation(l.Code, l.Region, l.Priority)).ToList();
        var serving = sources.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        return new StockSnapshot(sources, balances.Where(b => serving.Contains(b.Location)).ToList());
    }
}
