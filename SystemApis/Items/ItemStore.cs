using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.SystemApis.Items;

public sealed class ItemStore(Database database, TimeProvider time)
{
    public async Task<Item?> FindAsync(string sku, CancellationToken cancellationToken)
    {
        const string sql = "SELECT sku AS Sku, description AS Description, scarce AS Scarce, sku_class AS SkuClass FROM items WHERE sku = @sku";
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ItemRow>(new CommandDefinition(sql, new { sku }, cancellationToken: cancellationToken));
        return row?.ToContract();
    }

    /// <summary>Up to <paramref name="take"/> items after the given SKU, in SKU order.</summary>
    public async Task<IReadOnlyList<Item>> PageAsync(string afterSku, int take, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT sku AS Sku, description AS Description, scarce AS Scarce, sku_class AS SkuClass FROM items
            WHERE sku > @afterSku ORDER BY sku LIMIT @take
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ItemRow>(new CommandDefinition(sql, new { afterSku, take }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToContract()).ToList();
    }

    /// <summary>Creates or updates an item; a new item gets an empty balance row at every location. True when created.</summary>
    public async Task<bool> UpsertAsync(string sku, ItemUpsert request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM items WHERE sku = @sku", new { sku }, transaction, cancellationToken: cancellationToken)) > 0;
        const string upsert = """
            INSERT INTO items (sku, description, scarce, sku_class, updated_at) VALUES (@sku, @description, @scarce, @skuClass, @now)
            ON CONFLICT (sku) DO UPDATE SET description = excluded.description, scarce = excluded.scarce, sku_class = excluded.sku_class,
                updated_at = excluded.updated_at
            """;
        await connection.ExecuteAsync(new CommandDefinition(upsert,
            new
            {
                sku, description = request.Description, scarce = request.Scarce == true ? 1 : 0, skuClass = request.SkuClass ?? ItemClasses.Default,
                now = time.GetUtcNow().ToUnixTimeMilliseconds(),
            },
            transaction, cancellationToken: cancellationToken));
        // "WHERE true" settles SQLite's parsing ambiguity between a join's ON and the upsert's ON CONFLICT.
        const string openBalances = """
            INSERT INTO balances (sku, location) SELECT @sku, code FROM locations WHERE true
            ON CONFLICT (sku, location) DO NOTHING
            """;
        await connection.ExecuteAsync(new CommandDefinition(openBalances, new { sku }, transaction, cancellationToken: cancellationToken));
        // A new SKU has balances the channels have not heard of, and a new class changes which channel rule applies.
        await StockEvents.StockEventWriter.AppendForSkuAsync(connection, transaction, sku, null, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return !exists;
    }

    private sealed record ItemRow
    {
        public string Sku { get; init; } = "";
        public string Description { get; init; } = "";
        public long Scarce { get; init; }
        public string SkuClass { get; init; } = ItemClasses.Default;

        public Item ToContract() => new() { Sku = Sku, Description = Description, Scarce = Scarce != 0, SkuClass = SkuClass };
    }
}
