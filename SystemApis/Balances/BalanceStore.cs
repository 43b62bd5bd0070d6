using System.Data.Common;
using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.SystemApis.Balances;

public sealed class BalanceStore(Database database)
{
    public async Task<IReadOnlyList<BalanceRow>> ListAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT {BalanceRow.Columns}
            FROM balances WHERE {database.Dialect.IsAnyOf("sku", "skus")} ORDER BY sku, location
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<BalanceRow>(new CommandDefinition(sql, new { skus = skus.ToArray() }, cancellationToken: cancellationToken))).AsList();
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
