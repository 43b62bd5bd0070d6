using System.Data.Common;
using Dapper;
using IntegrationGateway.Contracts.Wms;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.SystemApis.Idempotency;

namespace IntegrationGateway.SystemApis.Wms;

/// <summary>
/// Pick tasks and their one-way life: open, then shipped, refused or cancelled. A transition is one conditional
/// UPDATE from open, so a pick that shipped cannot also be cancelled, whatever the order the calls arrive in.
/// </summary>
public sealed class PickStore(Database database, TimeProvider time)
{
    public async Task<StoredAnswer> CreateAsync(DbConnection connection, DbTransaction transaction, PickRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var pick = new PickRow
        {
            Id = "pick_" + Guid.CreateVersion7().ToString("N"),
            Reference = request.Reference,
            Sku = request.Sku,
            Location = request.Location,
            Quantity = request.Quantity,
            State = "open",
            CreatedAt = now,
            UpdatedAt = now,
        };
        const string insert = """
            INSERT INTO wms_picks (id, reference, sku, location, quantity, state, created_at, updated_at)
            VALUES (@Id, @Reference, @Sku, @Location, @Quantity, @State, @CreatedAt, @UpdatedAt)
            """;
        await connection.ExecuteAsync(new CommandDefinition(insert, pick, transaction, cancellationToken: cancellationToken));
        return StoredAnswer.Json(201, pick.ToContract());
    }

    /// <summary>
    /// Moves an open pick to <paramref name="to"/>. A pick already there answers as it is (the fact was recorded);
    /// a pick in another final state is a 409 that says which.
    /// </summary>
    public async Task<StoredAnswer> MoveAsync(DbConnection connection, DbTransaction transaction, string id, string to, string? reason, CancellationToken cancellationToken)
    {
        var sql = $"""
            UPDATE wms_picks SET state = @to, reason = COALESCE(@reason, reason), updated_at = @now
            WHERE id = @id AND state = 'open'
            RETURNING {PickRow.Columns}
            """;
        var moved = await connection.QuerySingleOrDefaultAsync<PickRow>(new CommandDefinition(sql,
            new { id, to, reason, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
        if (moved is not null)
        {
            if (to == "refused")
            {
                await CountFlagStore.FlagAsync(connection, transaction, moved, cancellationToken);
            }
            return StoredAnswer.Json(200, moved.ToContract());
        }
        var current = await FindAsync(connection, transaction, id, cancellationToken);
        return current switch
        {
            null => StoredAnswer.Problem(Problem.Details(404, ProblemTypes.NotFound, "Not found.", $"No pick {id}.")),
            _ when current.State == to => StoredAnswer.Json(200, current.ToContract()),
            _ => StoredAnswer.Problem(Problem.Details(409, ProblemTypes.InvalidState, $"The pick is {current.State}.",
                $"Pick {id} is {current.State}; it cannot become {to}.", new Dictionary<string, object?> { ["state"] = current.State })),
        };
    }

    public async Task<PickRow?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, id, cancellationToken);
    }

    public async Task<IReadOnlyList<PickRow>> ListAsync(string reference, CancellationToken cancellationToken)
    {
        var sql = $"SELECT {PickRow.Columns} FROM wms_picks WHERE reference = @reference ORDER BY created_at, id";
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<PickRow>(new CommandDefinition(sql, new { reference }, cancellationToken: cancellationToken))).AsList();
    }

    private static Task<PickRow?> FindAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<PickRow>(new CommandDefinition($"SELECT {PickRow.Columns} FROM wms_picks WHERE id = @id",
            new { id }, transaction, cancellationToken: cancellationToken));
}
