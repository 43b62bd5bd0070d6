using Dapper;
using IntegrationGateway.ServiceDefaults.Events;
using IntegrationGateway.ServiceDefaults.Storage;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ProcessApis.Events;

/// <summary>
/// Deletes outbox rows older than the retention (Events:Retention), which is the replay horizon of the events feed.
/// Over NATS a row not yet relayed is kept whatever its age: the broker has not got it yet.
/// </summary>
public sealed class OutboxPruner(Database database, IOptions<EventsOptions> options, TimeProvider time, ILogger<OutboxPruner> logger) : BackgroundService
{
    private const int RowsPerDelete = 5000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await PruneAsync(stoppingToken) is var pruned and > 0)
                {
                    logger.LogInformation("Pruned {Count} outbox rows older than {Retention}", pruned, options.Value.Retention);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(failure, "Pruning the outbox failed; the next interval retries");
            }
            await Task.Delay(options.Value.PruneInterval, time, stoppingToken);
        }
    }

    /// <summary>Deletes the rows past the retention, a bounded batch per transaction so writers are held up briefly. Returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var value = options.Value;
        var cutoff = (time.GetUtcNow() - value.Retention).ToUnixTimeMilliseconds();
        var sql = $"""
            DELETE FROM outbox_events WHERE position IN (
                SELECT position FROM outbox_events
                WHERE occurred_at < @cutoff{(value.Transport == EventTransport.Nats ? " AND published_at IS NOT NULL" : "")}
                ORDER BY position LIMIT @take)
            """;
        var total = 0;
        while (true)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
            var deleted = await connection.ExecuteAsync(new CommandDefinition(sql, new { cutoff, take = RowsPerDelete }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            total += deleted;
            if (deleted < RowsPerDelete)
            {
                return total;
            }
        }
    }
}
