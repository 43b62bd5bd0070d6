using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.SystemApis.StockEvents;

/// <summary>Reads the stock.changed feed in commit order.</summary>
public sealed class StockEventStore(Database database)
{
    public async Task<IReadOnlyList<StockEventRow>> PageAsync(long afterPosition, int take, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {StockEventRow.Columns} FROM stock_events WHERE position > @afterPosition ORDER BY position LIMIT @take";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StockEventRow>(new CommandDefinition(sql, new { afterPosition, take }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
