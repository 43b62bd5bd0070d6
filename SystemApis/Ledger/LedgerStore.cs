using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.SystemApis.Ledger;

/// <summary>Reads the ledger in ledger order, after a given id, optionally for one SKU and/or one location.</summary>
public sealed class LedgerStore(Database database)
{
    // One statement per filter, so each can use the (sku, location, id) index or the id order of the table.
    private const string All = $"""
        SELECT {LedgerRow.Columns} FROM ledger
        WHERE id > @afterId ORDER BY id LIMIT @take
        """;
    private const string BySku = $"""
        SELECT {LedgerRow.Columns} FROM ledger
        WHERE sku = @sku AND id > @afterId ORDER BY id LIMIT @take
        """;
    private const string ByLocation = $"""
        SELECT {LedgerRow.Columns} FROM ledger
        WHERE location = @location AND id > @afterId ORDER BY id LIMIT @take
        """;
    private const string BySkuAndLocation = $"""
        SELECT {LedgerRow.Columns} FROM ledger
        WHERE sku = @sku AND location = @location AND id > @afterId ORDER BY id LIMIT @take
        """;

    public async Task<IReadOnlyList<LedgerRow>> PageAsync(string? sku, string? location, long afterId, int take, CancellationToken cancellationToken)
    {
        var sql = (sku, location) switch
        {
            (null, null) => All,
            (not null, null) => BySku,
            (null, not null) => ByLocation,
            _ => BySkuAndLocation,
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LedgerRow>(new CommandDefinition(sql, new { sku, location, afterId, take }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
