namespace IntegrationGateway.ServiceDefaults.Feeds;

/// <summary>
/// Wakes the long polls of a change feed when this instance has committed something new, so a waiting consumer hears
/// of it at once. Other instances' commits are found by the poll's fallback re-read (<see cref="FeedPoll"/>).
/// </summary>
public sealed class FeedSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when <see cref="Pulse"/> is next called.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
