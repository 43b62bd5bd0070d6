using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Sourcing;

namespace IntegrationGateway.ProcessApis.Holds;

/// <summary>How holding a cart's lines ended, short of a dependency failure (which is thrown).</summary>
public abstract record HoldOutcome
{
    private HoldOutcome() { }

    public sealed record Held(CartHolds Cart) : HoldOutcome;

    public sealed record Short(IReadOnlyList<Shortage> Shortages) : HoldOutcome;

    public sealed record UnknownSkus(IReadOnlyList<string> Skus) : HoldOutcome;
}
