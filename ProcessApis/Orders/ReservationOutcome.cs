using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Sourcing;

namespace IntegrationGateway.ProcessApis.Orders;

/// <summary>How placing an order ended, short of a dependency failure (which is thrown).</summary>
public abstract record ReservationOutcome
{
    private ReservationOutcome() { }

    public sealed record Reserved(Order Order) : ReservationOutcome;

    public sealed record Short(IReadOnlyList<Shortage> Shortages) : ReservationOutcome;

    public sealed record UnknownSkus(IReadOnlyList<string> Skus) : ReservationOutcome;
}
