namespace IntegrationGateway.TestSupport.Hosting;

/// <summary>
/// Real time moved on by <see cref="Offset"/>: timers and delays keep running at real speed (so resilience pipelines
/// behave), while everything judged by the clock (leases, stranded orders, keys in progress) can be made old at once.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
