using Dapper;
using IntegrationGateway.ProcessApis.Idempotency;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.OrderBook;

/// <summary>
/// Serialises the changes to one order across requests, background passes and process instances: a conditional update
/// of the order row takes the lease, so it works the same on SQLite and PostgreSQL and needs no lock held across the
/// calls to other systems.
/// </summary>
public sealed class OrderLeases(Database database, TimeProvider time)
{
    /// <summary>Longer than any one change of an order may take (its downstream timeouts add up to well under this).</summary>
    private static readonly TimeSpan Term = TimeSpan.FromSeconds(30);

    /// <summary>How long a request waits for another change of the same order to finish.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(25);

    /// <summary>Runs <paramref name="work"/> holding the order's lease; waits for it when <paramref name="wait"/>, else gives up at once.</summary>
    public async Task<(bool Held, T Result)> RunAsync<T>(string orderId, bool wait, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var owner = Guid.NewGuid().ToString("N");
        var deadline = time.GetUtcNow() + (wait ? Patience : TimeSpan.Zero);
        while (!await TryTakeAsync(orderId, owner, cancellationToken))
        {
            if (time.GetUtcNow() >= deadline)
            {
                return (false, default!);
            }
            await Task.Delay(Step, time, cancellationToken);
        }
        try
        {
            return (true, await work());
        }
        finally
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await connection.ExecuteAsync("UPDATE orders SET lease_until = 0, lease_owner = NULL WHERE id = @orderId AND lease_owner = @owner", new { orderId, owner });
        }
    }

    /// <summary>
    /// The answer for a caller that found the order busy for longer than it waits; not kept under the Idempotency-Key,
    /// so the same request sent again is run.
    /// </summary>
    public static Answer Busy(string orderId) => Answer.Unkept(Problem.Result(409, ProblemTypes.ResourceBusy, "The order is being changed.",
        $"Another change of order {orderId} is still running; retry shortly with the same Idempotency-Key."));

    /// <summary>Runs a keyed command of an order under its lease, answering <see cref="Busy"/> when it stays taken.</summary>
    public async Task<Answer> AnswerAsync(string orderId, Func<Task<Answer>> work, CancellationToken cancellationToken)
    {
        var (held, answer) = await RunAsync(orderId, wait: true, work, cancellationToken);
        return held ? answer : Busy(orderId);
    }

    private async Task<bool> TryTakeAsync(string orderId, string owner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE orders SET lease_until = @until, lease_owner = @owner WHERE id = @orderId AND lease_until < @now",
            new { orderId, owner, now, until = now + (long)Term.TotalMilliseconds }, cancellationToken: cancellationToken)) == 1;
    }
}
