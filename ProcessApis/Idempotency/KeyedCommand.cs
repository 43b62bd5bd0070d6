using IntegrationGateway.ServiceDefaults.Problems;

namespace IntegrationGateway.ProcessApis.Idempotency;

/// <summary>
/// Runs a command once per Idempotency-Key within a scope (a channel, or fulfilment) and stores its answer for replays.
/// Every keyed command of the process API goes through here, so claim, replay and abandon mean the same everywhere.
/// </summary>
internal static class KeyedCommand
{
    public static async Task<IResult> RunAsync(IdempotencyStore keys, string scope, string key, string fingerprint, Func<Task<Answer>> command, CancellationToken cancellationToken)
    {
        switch (await keys.ClaimAsync(scope, key, fingerprint, cancellationToken))
        {
            case KeyClaim.Replay replay:
                return replay.ToResult();
            case KeyClaim.Mismatch:
                return Problem.IdempotencyKeyReused();
            case KeyClaim.InProgress:
                return InProgress();
        }
        Answer answer;
        try
        {
            answer = await command();
        }
        catch
        {
            // Nothing that stays was done (compensation released it), so the same request may come again.
            await keys.AbandonAsync(scope, key);
            throw;
        }
        if (answer.Keep)
        {
            await keys.CompleteAsync(scope, key, answer.StatusCode, answer.ContentType, answer.Body, CancellationToken.None);
        }
        else if (!answer.KeepsKeyInProgress)
        {
            await keys.AbandonAsync(scope, key);
        }
        return answer.Result;
    }

    private static IResult InProgress() =>
        Problem.Result(409, ProblemTypes.IdempotencyKeyInProgress, "A request with this Idempotency-Key is still being processed.",
            "Retry shortly with the same key and body to get its answer.");
}
