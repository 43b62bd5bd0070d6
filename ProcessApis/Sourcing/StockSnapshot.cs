using IntegrationGateway.Contracts.Erp;

namespace IntegrationGateway.ProcessApis.Sourcing;

/// <summary>
/// The ERP's balances of some SKUs and the locations that serve a channel, read together for one decision.
/// <see cref="Balances"/> and <see cref="Available"/> hold the serving locations only; a SKU is known if the ERP
/// has it anywhere, so a SKU the channel cannot be sourced from is short, not unknown.
/// </summary>
public sealed record StockSnapshot
{
    public StockSnapshot(IReadOnlyList<SourceLocation> locations, IReadOnlyList<Balance> allBalances)
    {
        Locations = locations;
        var serving = locations.Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        Balances = allBalances.Where(b => serving.Contains(b.Location)).ToList();
        KnownSkus = allBalances.Select(b => b.Sku).ToHashSet(StringComparer.Ordinal);
        SkuClasses = allBalances.GroupBy(b => b.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().SkuClass, StringComparer.Ordinal);
        Available = Balances.ToDictionary(b => (b.Sku, b.Location), b => b.Available);
    }

    public IReadOnlyList<SourceLocation> Locations { get; }

    public IReadOnlyList<Balance> Balances { get; }

    public IReadOnlySet<string> KnownSkus { get; }

    /// <summary>The SKU class of each known SKU, which picks the channel's rule.</summary>
    public IReadOnlyDictionary<string, string> SkuClasses { get; }

    public IReadOnlyDictionary<(string Sku, string Location), int> Available { get; }
}
