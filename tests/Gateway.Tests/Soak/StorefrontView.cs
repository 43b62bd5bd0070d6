using System.Text.Json;

namespace IntegrationGateway.Gateway.Tests.Soak;

/// <summary>What the storefront shows against what the ERP store holds, once the stack is quiet.</summary>
public static class StorefrontView
{
    /// <summary>
    /// The v2 total of each SKU must be the sum over locations of available_to_sell
    /// (on_hand - reserved - allocated - damaged - inspection - safety_stock, floored at 0) less the units owed to
    /// waiting backorders (floored at 0), and each location its own available_to_sell.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DisagreementsAsync(HttpClient storefront, IReadOnlyList<string> skus, IReadOnlyList<StoredBalance> balances, IReadOnlyDictionary<string, long> owed)
    {
        var disagreements = new List<string>();
        foreach (var sku in skus)
        {
            var answer = await SoakCalls.AvailabilityAsync(storefront, sku);
            if (answer is not { Status: 200, Json: { } level })
            {
                disagreements.Add($"storefront availability of {sku} answered {answer}");
                continue;
            }
            var erp = balances.Where(b => b.Sku == sku).ToDictionary(b => b.Location, b => b.Available);
            var shown = level.GetProperty("locations").EnumerateArray()
                .ToDictionary(l => l.GetProperty("location").GetString()!, l => (long)l.GetProperty("available").GetInt32());
            var total = level.GetProperty("total").GetProperty("available").GetInt32();
            var expected = Math.Max(0, erp.Values.Sum() - owed.GetValueOrDefault(sku));
            if (total != expected || !shown.OrderBy(s => s.Key).SequenceEqual(erp.OrderBy(e => e.Key)))
            {
                disagreements.Add($"storefront shows {sku} total={total} [{Describe(shown)}], the ERP store gives total={expected} [{Describe(erp)}] with {owed.GetValueOrDefault(sku)} owed to backorders");
            }
        }
        return disagreements;
    }

    private static string Describe(IReadOnlyDictionary<string, long> byLocation) =>
        string.Join(", ", byLocation.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
