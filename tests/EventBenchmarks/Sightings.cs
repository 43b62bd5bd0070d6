namespace IntegrationGateway.EventBenchmarks;

/// <summary>
/// When one observer first saw each figure of each SKU. Receipts only raise a figure, so seeing N means every figure
/// up to N has arrived (a later answer may cover several changes, as a superseding webhook does).
/// </summary>
public sealed class Sightings(string name)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _highest = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Sku, int Figure), DateTimeOffset> _first = [];

    public string Name { get; } = name;

    /// <summary>What the observer already holds before the changes: later figures are counted from it.</summary>
    public void Holds(string sku, int figure)
    {
        lock (_gate)
        {
            _highest[sku] = figure;
        }
    }

    public void Saw(string sku, int figure, DateTimeOffset at)
    {
        lock (_gate)
        {
            var from = _highest.TryGetValue(sku, out var highest) ? highest + 1 : figure;
            for (var f = from; f <= figure; f++)
            {
                _first[(sku, f)] = at;
            }
            if (figure > highest || !_highest.ContainsKey(sku))
            {
                _highest[sku] = Math.Max(figure, highest);
            }
        }
    }

    public DateTimeOffset? FirstSeen(string sku, int figure)
    {
        lock (_gate)
        {
            return _first.TryGetValue((sku, figure), out var at) ? at : null;
        }
    }

    public int Highest(string sku)
    {
        lock (_gate)
        {
            return _highest.GetValueOrDefault(sku);
        }
    }
}
