using System.Net;
using System.Text.Json;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.Gateway.Tests.Events;

/// <summary>The process API's events feed (<c>GET /process/v1/events</c>) read from the start to its end, as a new follower reads it.</summary>
public static class EventsFeed
{
    public sealed record FeedEvent(string Id, long Position, string Type, string? Channel, string? Sku, long? Sequence, int? Available);

    public static async Task<IReadOnlyList<FeedEvent>> ReadAllAsync(HttpClient process)
    {
        var events = new List<FeedEvent>();
        string? after = null;
        while (true)
        {
            var page = await (await process.GetAsync("/process/v1/events?limit=1000" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)))).JsonAsync(HttpStatusCode.OK);
            var items = page.GetProperty("events").EnumerateArray().ToList();
            if (items.Count == 0)
            {
                return events;
            }
            events.AddRange(items.Select(Of));
            after = page.GetProperty("nextCursor").GetString();
        }
    }

    private static FeedEvent Of(JsonElement e)
    {
        var change = e.TryGetProperty("availability", out var a) && a.ValueKind == JsonValueKind.Object ? a : (JsonElement?)null;
        return new FeedEvent(e.GetProperty("id").GetString()!, e.GetProperty("position").GetInt64(), e.GetProperty("type").GetString()!,
            change?.GetProperty("channel").GetString(), change?.GetProperty("sku").GetString(), change?.GetProperty("sequence").GetInt64(), change?.GetProperty("available").GetInt32());
    }
}
