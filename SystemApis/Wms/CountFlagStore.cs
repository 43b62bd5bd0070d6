using System.Data.Common;
using Dapper;
using IntegrationGateway.Contracts.Wms;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.SystemApis.Idempotency;

namespace IntegrationGateway.SystemApis.Wms;

/// <summary>SKU x location pairs a refused pick showed to hold fewer units than the books say, until a count resolves them.</summary>
public sealed class CountFlagStore(Database database)
{
    /// <summary>A page is enough for a person's worklist; older open flags come first.</summary>
    public const int MaxListed = 500;

    private const string Columns = """
        id AS Id, sku AS Sku, location AS Location, pick_id AS PickId, reason AS Reason, state AS State, flagged_at AS FlaggedAt, resolved_by AS ResolvedBy
        """;

    public static Task FlagAsync(DbConnection connection, DbTransaction transaction, PickRow refused, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO wms_count_flags (sku, location, pick_id, reason, state, flagged_at)
            VALUES (@Sku, @Location, @Id, @reason, 'open', @UpdatedAt)
            """, new { refused.Sku, refused.Location, refused.Id, reason = refused.Reason ?? "pick refused", refused.UpdatedAt }, transaction, cancellationToken: cancellationToken));

    public async Task<IReadOnlyList<CountFlag>> ListAsync(CountFlagState state, string? sku, CancellationToken cancellationToken)
    {
        var sql = $"SELECT {Columns} FROM wms_count_flags WHERE state = @state{(sku is null ? "" : " AND sku = @sku")} ORDER BY id LIMIT {MaxListed}";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FlagRow>(new CommandDefinition(sql, new { state = Name(state), sku }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToContract()).ToList();
    }

    public static async Task<StoredAnswer> ResolveAsync(DbConnection connection, DbTransaction transaction, CountFlagResolution resolution, CancellationToken cancellationToken)
    {
        var sql = $"""
            UPDATE wms_count_flags SET state = 'resolved', resolved_by = @ReferenceDocument
            WHERE sku = @Sku AND location = @Location AND state = 'open'
            RETURNING {Columns}
            """;
        var rows = await connection.QueryAsync<FlagRow>(new CommandDefinition(sql, resolution, transaction, cancellationToken: cancellationToken));
        return StoredAnswer.Json(200, rows.OrderBy(r => r.Id).Select(r => r.ToContract()).ToList());
    }

    private static string Name(CountFlagState state) => state == CountFlagState.Resolved ? "resolved" : "open";

    private sealed record FlagRow
    {
        public long Id { get; init; }
        public string Sku { get; init; } = "";
        public string Location { get; init; } = "";
        public string PickId { get; init; } = "";
        public string Reason { get; init; } = "";
        public string State { get; init; } = "";
        public long FlaggedAt { get; init; }
        public string? ResolvedBy { get; init; }

        public CountFlag ToContract() => new()
        {
            Id = Id,
            Sku = Sku,
            Location = Location,
            PickId = PickId,
            Reason = Reason,
            State = State == "resolved" ? CountFlagState.Resolved : CountFlagState.Open,
            FlaggedAt = DateTimeOffset.FromUnixTimeMilliseconds(FlaggedAt),
            ResolvedBy = ResolvedBy,
        };
    }
}
