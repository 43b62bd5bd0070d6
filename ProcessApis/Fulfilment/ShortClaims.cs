using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ProcessApis.Fulfilment;

/// <summary>Who resolves each short reservation, and what came of it.</summary>
public sealed class ShortClaims(Database database, TimeProvider time, IOptions<FulfilmentOptions> options)
{
    /// <summary>True when this caller now owns the reservation: a new claim, or one left stale by a crash.</summary>
    public async Task<bool> TryClaimAsync(string reservationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var stale = now - (long)options.Value.ClaimStaleAfter.TotalMilliseconds;
        await using var connection = await database.OpenAsync(cancellationToken);
        var claimed = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO short_resolutions (reservation_id, claimed_at) VALUES (@reservationId, @now)
            ON CONFLICT (reservation_id) DO NOTHING
            """, new { reservationId, now }, cancellationToken: cancellationToken));
        return claimed == 1 || await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE short_resolutions SET claimed_at = @now
            WHERE reservation_id = @reservationId AND resolved_at IS NULL AND claimed_at < @stale
            """, new { reservationId, now, stale }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task ResolvedAsync(string reservationId, string outcome, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE short_resolutions SET outcome = @outcome, resolved_at = @now WHERE reservation_id = @reservationId",
            new { reservationId, outcome, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    /// <summary>The outcome once resolved; null while someone is still at it.</summary>
    public async Task<string?> OutcomeAsync(string reservationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT outcome FROM short_resolutions WHERE reservation_id = @reservationId AND resolved_at IS NOT NULL",
            new { reservationId }, cancellationToken: cancellationToken));
    }
}
