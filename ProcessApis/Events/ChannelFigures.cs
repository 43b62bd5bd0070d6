using System.Data.Common;
using System.Text.Json;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Changes;
using IntegrationGateway.ProcessApis.Holds;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.Events;

/// <summary>
/// Recomputes channel x SKU figures from stock_positions inside the caller's transaction and, where the figure a
/// channel is told changes, writes it with the next sequence and its inventory.availability.changed event. Both
/// writers of figures call it: the stock-event consumer for the SKUs a page moved (in the page's own transaction),
/// and the publisher for marks left by everything else.
/// </summary>
public sealed class ChannelFigures(Database database, HoldClock holds, TimeProvider time)
{
    /// <summary>
    /// The lock a writer of figures takes before reading any, so a channel x SKU's sequence never forks; on PostgreSQL
    /// it is an advisory lock, on SQLite the write transaction is one already.
    /// </summary>
    public const string Stream = "availability-publisher";

    private const int SkusPerRead = 500;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Recomputes the SKUs <paramref name="wanted"/> names per channel id; answers how many figures changed.</summary>
    public async Task<int> PublishAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Channel> known, IReadOnlyDictionary<string, HashSet<string>> wanted,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var changes = new List<AvailabilityChange>();
        foreach (var chunk in wanted.SelectMany(w => w.Value).Distinct(StringComparer.Ordinal).Chunk(SkusPerRead))
        {
            var state = await SkuState.ReadAsync(database.Dialect, connection, transaction, chunk, holds.Now.ToUnixTimeMilliseconds(), cancellationToken);
            foreach (var channel in known)
            {
                if (!wanted.TryGetValue(channel.Id, out var skus))
                {
                    continue;
                }
                foreach (var sku in chunk.Where(skus.Contains))
                {
                    if (Changed(channel, sku, state, known) is { } change)
                    {
                        changes.Add(change);
                    }
                }
            }
        }
        await WriteFiguresAsync(connection, transaction, changes, now, cancellationToken);
        await Outbox.AppendAsync(connection, transaction, changes.Select(c => EventOf(c, now)).ToList(), cancellationToken);
        return changes.Count;
    }

    /// <summary>The channel's new figure of the SKU, or null when it is what the channel was last told.</summary>
    private static AvailabilityChange? Changed(Channel channel, string sku, SkuState state, IReadOnlyList<Channel> known)
    {
        if (state.Positions[sku] is not { } positions || !positions.Any())
        {
            return null;
        }
        var owed = state.Owed[sku].Where(o => known.FirstOrDefault(c => c.Id == o.Channel) is not { } other || ChannelFigure.Overlap(channel, other)).Sum(o => (int)o.Units);
        var figure = ChannelFigure.Of(channel, positions.Select(p => Freed(p, state.Expired.GetValueOrDefault((p.Sku, p.Location)))).ToList(), owed);
        var current = state.Published.GetValueOrDefault((channel.Id, sku));
        if (current is not null && figure.SameAs(current.Available, JsonSerializer.Deserialize<List<LocationAvailability>>(current.Locations, Json) ?? [], current.BackorderEta))
        {
            return null;
        }
        return new AvailabilityChange
        {
            Channel = channel.Id,
            Sku = sku,
            Available = figure.Available,
            Previous = current?.Available ?? 0,
            Sequence = (current?.Sequence ?? 0) + 1,
            Locations = figure.Locations.ToList(),
            BackorderEta = figure.BackorderEta is { } eta ? DateTimeOffset.FromUnixTimeMilliseconds(eta) : null,
            SourceVersion = state.SourceVersion,
        };
    }

    private static OutboxEvent EventOf(AvailabilityChange change, DateTimeOffset now) => new()
    {
        EventId = Guid.CreateVersion7().ToString("N"),
        Type = OutboxEvent.AvailabilityChanged,
        Subject = $"{change.Channel}/{change.Sku}",
        ChannelId = change.Channel,
        Sku = change.Sku,
        Sequence = change.Sequence,
        Data = JsonSerializer.Serialize(change, Json),
        OccurredAt = now.ToUnixTimeMilliseconds(),
    };

    // Never more than the ERP reserves: a hold released a moment ago may still be marked active here.
    private static StockPosition Freed(StockPosition position, int units) =>
        units <= 0 ? position : position with { Reserved = position.Reserved - Math.Min(units, position.Reserved) };

    // A call computes each channel x SKU once, so no row is named twice in one statement.
    private static Task WriteFiguresAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AvailabilityChange> changes, DateTimeOffset now, CancellationToken cancellationToken) =>
        MultiRow.ExecuteAsync(connection, transaction,
            "INSERT INTO channel_availability (channel_id, sku, sequence, available, locations, backorder_eta, source_version, updated_at)", 8, changes,
            change => [change.Channel, change.Sku, change.Sequence, change.Available, JsonSerializer.Serialize(change.Locations, Json),
                change.BackorderEta?.ToUnixTimeMilliseconds(), change.SourceVersion, now.ToUnixTimeMilliseconds()],
            """
            ON CONFLICT (channel_id, sku) DO UPDATE SET sequence = excluded.sequence, available = excluded.available,
                locations = excluded.locations, backorder_eta = excluded.backorder_eta, source_version = excluded.source_version,
                updated_at = excluded.updated_at
            """,
            cancellationToken);
}
