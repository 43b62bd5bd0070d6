namespace IntegrationGateway.ProcessApis.Holds;

/// <summary>Where a hold stands. Active and releasing holds are still reservations at the ERP.</summary>
public static class HoldStates
{
    public const string Active = "active";

    /// <summary>Being released at the ERP (expired, or released by the cart); the sweeper finishes it after a crash.</summary>
    public const string Releasing = "releasing";
    public const string Released = "released";

    /// <summary>
    /// Being turned into the order named on the row: the ERP moves its reservation to the order's reference in one step.
    /// Never swept; recovery finishes the confirm after a crash.
    /// </summary>
    public const string Confirming = "confirming";
    public const string Confirmed = "confirmed";
}
