using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationGateway.EventBenchmarks;

/// <summary>
/// Watches a channel's read model from outside, through the experience API itself (not the gateway, whose per-client
/// limits would throttle a watcher): one request in flight, a short pause between answers. The pause bounds the
/// watcher's own load on the two cores and is the resolution of what it measures.
/// </summary>
public static class ReadModelWatch
{
    /// <summary>Storefront: the list read of the watched SKUs (at most 100), each answer giving every figure.</summary>
    public static async Task StorefrontAsync(HttpClient experience, IReadOnlyList<string> skus, Sightings sightings, TimeSpan pause, CancellationToken stop)
    {
        var path = "/storefront/v2/availability?skus=" + string.Join(",", skus);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var answer = await JsonDocument.ParseAsync(await experience.GetStreamAsync(path, stop), cancellationToken: stop);
                var at = DateTimeOffset.UtcNow;
                foreach (var item in answer.RootElement.GetProperty("items").EnumerateArray())
                {
                    sightings.Saw(item.GetProperty("sku").GetString()!, item.GetProperty("total").GetProperty("available").GetInt32(), at);
                }
                await Task.Delay(pause, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Marketplace: the inventory feed after the last cursor, which lists only the figures changed since.</summary>
    public static async Task MarketplaceAsync(HttpClient experience, Sightings sightings, TimeSpan pause, CancellationToken stop)
    {
        string? cursor = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var path = "/marketplace/v1/inventory-feed" + (cursor is null ? "" : "?cursor=" + Uri.EscapeDataString(cursor));
                var feed = await experience.GetFromJsonAsync<JsonElement>(path, stop);
                var at = DateTimeOffset.UtcNow;
                foreach (var item in feed.GetProperty("items").EnumerateArray())
                {
                    sightings.Saw(item.GetProperty("sku").GetString()!, item.GetProperty("quantity").GetInt32(), at);
                }
                cursor = feed.GetProperty("cursor").GetString();
                await Task.Delay(pause, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
