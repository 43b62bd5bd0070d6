using IntegrationGateway.Contracts.Erp;

namespace IntegrationGateway.ProcessApis.Sourcing;

/// <summary>The ERP's balances of some SKUs and the locations that serve a channel, read together for one decision.</summary>
public sealed record StockSnapshot(IReadOnlyList<SourceLocation> Locations, IReadOnlyList<Balance> Balances)
{
    public IReadOnlySet<string> KnownSkus { get; } = Balances.Select(b => b.Sku).ToHashSet(StringComparer.Ordinal);

    public IReadOnlyDictionary<(string Sku, string Location), int> Available { get; } =
        Balances.ToDictionary(b => (b.Sku, b.Location), b => b.Available);
}
