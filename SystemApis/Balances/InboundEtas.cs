using System.Data.Common;
using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.SystemApis.Balances;

/// <summary>
/// The supplier ETA of the units still inbound at a balance. A purchase receipt does not say which purchase order it
/// fills, so each receipt is taken to consume the earliest-ETA orders open when it was posted, and the earliest order
/// with units left gives the ETA. The ledger is replayed in posting order rather than skipping the received units from
/// the earliest ETA of all orders: an order placed after a receipt, with an earlier ETA, was not filled by it.
/// </summary>
public static class InboundEtas
{
    /// <summary>The balances with their ETAs, from one read of the inbound rows of the SKUs that have inbound units.</summary>
    public static async Task<IReadOnlyList<BalanceRow>> AddAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        IReadOnlyList<BalanceRow> balances, CancellationToken cancellationToken)
    {
        var skus = balances.Where(b => b.Inbound > 0).Select(b => b.Sku).Distinct(StringComparer.Ordinal).ToArray();
        if (skus.Length == 0)
        {
            return balances;
        }
        var sql = $"""
            SELECT id AS Id, sku AS Sku, location AS Location, inbound_delta AS Delta, expected_at AS ExpectedAt
            FROM ledger WHERE {dialect.IsAnyOf("sku", "skus")} AND inbound_delta <> 0
            ORDER BY sku, location, id
            """;
        var rows = (await connection.QueryAsync<InboundRow>(new CommandDefinition(sql, new { skus = dialect.AnyOf(skus) }, transaction, cancellationToken: cancellationToken)))
            .ToLookup(r => (r.Sku, r.Location));
        return balances.Select(b => b.Inbound > 0 ? b with { InboundEta = Earliest(rows[(b.Sku, b.Location)]) } : b).ToList();
    }

    /// <summary>The ETA of one balance, read inside the caller's transaction (for the stock.changed event of a change).</summary>
    public static async Task<DateTimeOffset?> OfBalanceAsync(DbConnection connection, DbTransaction transaction, string sku, string location, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id AS Id, sku AS Sku, location AS Location, inbound_delta AS Delta, expected_at AS ExpectedAt
            FROM ledger WHERE sku = @sku AND location = @location AND inbound_delta <> 0
            ORDER BY id
            """;
        var rows = await connection.QueryAsync<InboundRow>(new CommandDefinition(sql, new { sku, location }, transaction, cancellationToken: cancellationToken));
        return Earliest(rows);
    }

    /// <summary>The ETA of the earliest purchase order not yet received, from a balance's inbound rows in posting order.</summary>
    public static DateTimeOffset? Earliest(IEnumerable<InboundRow> rowsInPostingOrder)
    {
        // Units left per open order, earliest ETA first (the earlier posting first on the same ETA).
        var open = new PriorityQueue<int, (long ExpectedAt, long Id)>();
        foreach (var row in rowsInPostingOrder)
        {
            if (row is { Delta: > 0, ExpectedAt: { } eta })
            {
                open.Enqueue(row.Delta, (eta, row.Id));
            }
            var received = -row.Delta;
            while (received > 0 && open.TryDequeue(out var left, out var order))
            {
                if (left > received)
                {
                    open.Enqueue(left - received, order);
                }
                received -= left;
            }
        }
        return open.TryPeek(out _, out var earliest) ? DateTimeOffset.FromUnixTimeMilliseconds(earliest.ExpectedAt) : null;
    }
}
