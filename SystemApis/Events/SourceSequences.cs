using System.Data.Common;
using Dapper;

namespace IntegrationGateway.SystemApis.Events;

/// <summary>The highest sequence applied per source and SKU x location (invariant 3 of DESIGN.md).</summary>
public static class SourceSequences
{
    /// <summary>
    /// Moves the source's sequence up to <paramref name="sequence"/> in one conditional upsert (which also locks the row,
    /// so two events of one source for one balance are ordered); null when it moved, else the sequence that stays.
    /// </summary>
    public static async Task<long?> AdvanceAsync(DbConnection connection, DbTransaction transaction, string source, string sku, string location,
        long sequence, CancellationToken cancellationToken)
    {
        const string advance = """
            INSERT INTO source_sequences (source, sku, location, last_sequence) VALUES (@source, @sku, @location, @sequence)
            ON CONFLICT (source, sku, location) DO UPDATE SET last_sequence = excluded.last_sequence
            WHERE source_sequences.last_sequence < excluded.last_sequence
            """;
        var moved = await connection.ExecuteAsync(new CommandDefinition(advance, new { source, sku, location, sequence }, transaction, cancellationToken: cancellationToken));
        if (moved == 1)
        {
            return null;
        }
        const string current = "SELECT last_sequence FROM source_sequences WHERE source = @source AND sku = @sku AND location = @location";
        return await connection.QuerySingleAsync<long>(new CommandDefinition(current, new { source, sku, location }, transaction, cancellationToken: cancellationToken));
    }
}
