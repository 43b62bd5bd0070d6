namespace IntegrationGateway.ProcessApis.Holds;

/// <summary>
/// The clock hold expiry is judged by. Its own type so tests can move hold time on without moving the clock
/// the HTTP resilience pipeline and the idempotency store run on.
/// </summary>
public sealed record HoldClock(TimeProvider Time)
{
    public DateTimeOffset Now => Time.GetUtcNow();
}
