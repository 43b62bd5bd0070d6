namespace IntegrationGateway.ProcessApis.OrderBook;

/// <summary>
/// Where an order stands. Only reserved and cancelled are ever shown to channels; the others are the
/// orchestration's own bookkeeping, so a crash or an ERP outage mid-way can be finished or undone.
/// </summary>
public static class OrderStates
{
    /// <summary>Reservations are being made at the ERP.</summary>
    public const string Pending = "pending";
    public const string Reserved = "reserved";
    public const string Cancelled = "cancelled";

    /// <summary>Refused for shortages; everything reserved on its way was released.</summary>
    public const string Rejected = "rejected";

    /// <summary>Failed mid-way and its reservations could not be released yet; the sweeper keeps trying.</summary>
    public const string Compensating = "compensating";

    /// <summary>Failed mid-way; everything it had reserved was released.</summary>
    public const string Failed = "failed";
}
