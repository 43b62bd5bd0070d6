using System.Text.Json;
using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.Gateway.Tests.Events;

/// <summary>
/// What the outbox says was published of some SKUs, checked as any consumer relies on it: per channel x SKU the
/// sequences are 1, 2, 3, ... in commit order, no number twice (two publishers never forked a sequence), each event's
/// previous is the figure before it, each event changes the figure (nothing republished, after a restart neither),
/// and the last one is the figure stored as published. Each fault is a line.
/// </summary>
public static class PublishedSequences
{
    public static async Task<IReadOnlyList<string>> FaultsAsync(Database process, IReadOnlyCollection<string> skus)
    {
        await using var connection = await process.OpenAsync(CancellationToken.None);
        var rows = (await connection.QueryAsync<(long Position, string Channel, string Sku, long Sequence, string Data)>(
            "SELECT position, channel_id, sku, sequence, data FROM outbox_events WHERE type = 'inventory.availability.changed' ORDER BY position")).Where(r => skus.Contains(r.Sku)).ToList();
        var stored = (await connection.QueryAsync<(string Channel, string Sku, long Sequence, int Available)>(
            "SELECT channel_id, sku, sequence, available FROM channel_availability")).Where(r => skus.Contains(r.Sku)).ToDictionary(r => (r.Channel, r.Sku));
        var faults = new List<string>();
        foreach (var fork in rows.GroupBy(r => (r.Channel, r.Sku, r.Sequence)).Where(g => g.Count() > 1))
        {
            faults.Add($"{fork.Key.Channel} x {fork.Key.Sku}: sequence {fork.Key.Sequence} published {fork.Count()} times (positions {string.Join(", ", fork.Select(r => r.Position))})");
        }
        foreach (var stream in rows.GroupBy(r => (r.Channel, r.Sku)))
        {
            var where = $"{stream.Key.Channel} x {stream.Key.Sku}";
            var events = stream.Select(r => (r.Sequence, Data: JsonDocument.Parse(r.Data).RootElement)).ToList();
            var sequences = events.Select(e => e.Sequence).ToList();
            if (!sequences.SequenceEqual(Enumerable.Range(1, sequences.Count).Select(n => (long)n)))
            {
                faults.Add($"{where}: sequences in commit order are {string.Join(",", sequences)}");
            }
            for (var i = 0; i < events.Count; i++)
            {
                var (sequence, data) = events[i];
                var previous = i == 0 ? 0 : events[i - 1].Data.GetProperty("available").GetInt32();
                if (data.GetProperty("sequence").GetInt64() != sequence || data.GetProperty("previous").GetInt32() != previous)
                {
                    faults.Add($"{where}: event {sequence} says sequence {data.GetProperty("sequence")} and previous {data.GetProperty("previous")}, after a figure of {previous}");
                }
                if (i > 0 && Figure(data) == Figure(events[i - 1].Data))
                {
                    faults.Add($"{where}: event {sequence} publishes {Figure(data)} again");
                }
            }
            var last = events[^1];
            if (!stored.TryGetValue(stream.Key, out var figure) || figure.Sequence != last.Sequence || figure.Available != last.Data.GetProperty("available").GetInt32())
            {
                faults.Add($"{where}: the last event is {last.Sequence} ({Figure(last.Data)}), the stored figure {(figure == default ? "missing" : $"{figure.Sequence} ({figure.Available})")}");
            }
        }
        return faults;
    }

    private static string Figure(JsonElement data) =>
        data.GetProperty("available").GetInt32() + " [" + string.Join(", ", data.GetProperty("locations").EnumerateArray()
            .Select(l => $"{l.GetProperty("location").GetString()}={l.GetProperty("available").GetInt32()}")) + "]";
}
