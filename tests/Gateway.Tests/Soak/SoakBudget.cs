namespace IntegrationGateway.Gateway.Tests.Soak;

/// <summary>The operations left in a run, shared by every worker.</summary>
public sealed class SoakBudget(int operations)
{
    private int _taken;

    public int Taken => Math.Min(Volatile.Read(ref _taken), operations);

    public bool TryTake() => Interlocked.Increment(ref _taken) <= operations;
}
