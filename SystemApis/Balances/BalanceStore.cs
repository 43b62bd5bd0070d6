using System.Data;
using System.Data.Common;
using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;
using Microsoft.Data.Sqlite;

namespace IntegrationGateway.SystemApis.Balances;

public sealed class BalanceStore(Database database)
{
    /// <summary>The balances of the SKUs with the ETA of what is inbound: at most two queries, the second only when something is inbound.</summary>
    public async Task<IReadOnlyList<BalanceRow>> ListAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT {BalanceRow.Columns}
            FROM balances WHERE {database.Dialect.IsAnyOf("sku", "skus")} ORDER BY sku, location
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        // One snapshot for both reads: a purchase order or receipt posted between them would shift every ETA after it.
        await using var snapshot = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var balances = (await connection.QueryAsync<BalanceRow>(new CommandDefinition(sql, new { skus = database.Dialect.AnyOf(skus) }, snapshot, cancellationToken: cancellationToken))).AsList();
        var withEtas = await InboundEtas.AddAsync(connection, snapshot, database.Dialect, balances, cancellationToken);
        await snapshot.CommitAsync(cancellationToken);
        return withEtas;
    }

    /// <summary>Reads one balance inside a write transaction (to explain a refused conditional update).</summary>
    public static Task<BalanceRow?> FindAsync(DbConnection connection, DbTransaction transaction, string sku, string location, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {BalanceRow.Columns}
            FROM balances WHERE sku = @sku AND location = @location
            """;
        return connection.QuerySingleOrDefaultAsync<BalanceRow>(new CommandDefinition(sql, new { sku, location }, transaction, cancellationToken: cancellationToken));
    }
}
