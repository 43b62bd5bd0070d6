using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using IntegrationGateway.ServiceDefaults.Events;
using IntegrationGateway.ServiceDefaults.Storage;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace IntegrationGateway.ProcessApis.Events.Nats;

/// <summary>
/// One pass of the relay: the oldest unpublished outbox rows, each published to its channel x SKU subject (in position
/// order within a subject) with Nats-Msg-Id = event id and awaited until the broker acknowledges it, then marked published. A crash
/// between the ack and the mark sends the rows again; the broker drops a Nats-Msg-Id it has seen within its duplicate
/// window, and a reader drops a sequence it has applied.
/// </summary>
public sealed class OutboxRelayPass(Database database, INatsJSContext js, IOptions<EventsOptions> options, TimeProvider time)
{
    public const int BatchSize = 200;
    private const string LockName = "outbox-relay";
    private int _streamReady;

    /// <summary>How many rows this pass published (0 when there were none, or another instance is relaying).</summary>
    public async Task<int> RelayOnceAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _streamReady) == 0)
        {
            await InventoryStream.EnsureAsync(js, options.Value, cancellationToken);
            Volatile.Write(ref _streamReady, 1);
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        // On PostgreSQL several instances share the outbox: one relays at a time, holding a transaction-scoped
        // advisory lock for the pass, so rows never reach the broker out of order. SQLite has one writing instance.
        await using var held = database.Dialect.Provider == SqlProvider.Postgres ? await connection.BeginTransactionAsync(cancellationToken) : null;
        if (held is not null && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT pg_try_advisory_xact_lock(hashtext(@LockName))", new { LockName }, held, cancellationToken: cancellationToken)))
        {
            return 0;
        }
        const string sql = """
            SELECT position AS Position, event_id AS EventId, type AS Type, channel_id AS Channel, sku AS Sku, data AS Data
            FROM outbox_events WHERE published_at IS NULL ORDER BY position LIMIT @take
            """;
        var rows = (await connection.QueryAsync<UnpublishedRow>(new CommandDefinition(
            sql, new { take = BatchSize }, held, cancellationToken: cancellationToken))).AsList();
        var acked = new bool[rows.Count];
        var published = 0;
        try
        {
            // Subjects are published side by side, each subject's rows one after another: order matters per channel x
            // SKU (its sequence), and waiting for each ack in turn made the relay the slowest step of the event path.
            await Task.WhenAll(rows.Select((row, index) => (row, index))
                .GroupBy(r => InventoryStream.SubjectOf(r.row.Type, r.row.Channel, r.row.Sku), StringComparer.Ordinal)
                .Select(async subject =>
                {
                    foreach (var (row, index) in subject)
                    {
                        await PublishAsync(row, cancellationToken);
                        acked[index] = true;
                    }
                }));
        }
        finally
        {
            // Marked up to the first row not acknowledged: the rows after it that were are sent again, and the
            // broker drops them by Nats-Msg-Id.
            while (published < rows.Count && acked[published])
            {
                published++;
            }
            if (published > 0)
            {
                await MarkAsync(connection, held, rows[published - 1].Position, cancellationToken);
            }
        }
        return published;
    }

    private async Task PublishAsync(UnpublishedRow row, CancellationToken cancellationToken)
    {
        var headers = new NatsHeaders { [InventoryStream.PositionHeader] = row.Position.ToString(CultureInfo.InvariantCulture) };
        var ack = await js.PublishAsync(InventoryStream.SubjectOf(row.Type, row.Channel, row.Sku), Encoding.UTF8.GetBytes(row.Data),
            opts: new NatsJSPubOpts { MsgId = row.EventId }, headers: headers, cancellationToken: cancellationToken);
        try
        {
            ack.EnsureSuccess();
        }
        catch (NatsJSDuplicateMessageException)
        {
            // The broker has the event from an earlier pass (within its duplicate window): that is a success.
        }
    }

    private async Task MarkAsync(DbConnection connection, DbTransaction? held, long last, CancellationToken cancellationToken)
    {
        // Every unpublished row up to last was read by this pass: positions commit in order.
        const string sql = "UPDATE outbox_events SET published_at = @now WHERE published_at IS NULL AND position <= @last";
        var parameters = new { now = time.GetUtcNow().ToUnixTimeMilliseconds(), last };
        if (held is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters, held, cancellationToken: cancellationToken));
            await held.CommitAsync(cancellationToken);
            return;
        }
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private sealed record UnpublishedRow
    {
        public long Position { get; init; }
        public string EventId { get; init; } = "";
        public string Type { get; init; } = "";
        public string? Channel { get; init; }
        public string? Sku { get; init; }
        public string Data { get; init; } = "{}";
    }
}
