using System.Data.Common;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.Changes;

/// <summary>
/// What must be recomputed: a SKU (for every channel, or one), or every SKU of a channel. A change marks in its own
/// transaction, so a committed change is never left unpublished; the publisher takes the marks and recomputes.
/// </summary>
public static class AvailabilityMarks
{
    public const string Every = "*";

    public static Task MarkSkusAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> skus, long now, CancellationToken cancellationToken, string channel = Every) =>
        MultiRow.ExecuteAsync(connection, transaction, "INSERT INTO availability_marks (sku, channel_id, marked_at)", 3,
            skus.Distinct(StringComparer.Ordinal).ToList(), sku => [sku, channel, now], "", cancellationToken);

    public static Task MarkChannelAsync(DbConnection connection, DbTransaction transaction, string channel, long now, CancellationToken cancellationToken) =>
        MarkSkusAsync(connection, transaction, [Every], now, cancellationToken, channel);
}

/// <summary>Wakes the publisher when something was marked, so it publishes now rather than at its fallback pass.</summary>
public sealed class AvailabilityWork
{
    private readonly ServiceDefaults.Feeds.FeedSignal _signal = new();

    public Task Next => _signal.Next;

    public void Nudge() => _signal.Pulse();
}
