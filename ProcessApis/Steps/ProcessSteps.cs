namespace IntegrationGateway.ProcessApis.Steps;

/// <summary>
/// The points between the steps of placing, holding, confirming and allocating where a crash leaves work that recovery
/// must finish or undo: each is after one system's change and before the next one's. The event path has two of its
/// own, between a commit and the wake-up of whoever acts on it next.
/// </summary>
public static class ProcessSteps
{
    /// <summary>The order row is pending; the ERP has not been asked.</summary>
    public const string OrderPending = "order:pending";

    /// <summary>The ERP reserved every line; the order is still pending here.</summary>
    public const string OrderReservedAtErp = "order:reserved-at-erp";

    /// <summary>The order is reserved here and its Idempotency-Key completed; the answer has not left.</summary>
    public const string OrderRecorded = "order:recorded";

    /// <summary>The ERP reserved a cart's hold; its expiry is not extended and its key not completed yet.</summary>
    public const string HoldReservedAtErp = "hold:reserved-at-erp";

    /// <summary>The cart's holds are confirming for a pending order; the ERP has not been asked.</summary>
    public const string ConfirmClaimed = "confirm:claimed";

    /// <summary>The ERP moved the holds' reservations to the order; the order is still pending here.</summary>
    public const string ConfirmTransferred = "confirm:transferred";

    /// <summary>The order is reserved, its holds confirmed and its key completed; the answer has not left.</summary>
    public const string ConfirmRecorded = "confirm:recorded";

    /// <summary>The ERP allocated a line; the WMS has no pick for it yet.</summary>
    public const string AllocatedAtErp = "allocate:allocated-at-erp";

    /// <summary>The WMS made the pick; the placement here is still reserved.</summary>
    public const string AllocatePicked = "allocate:picked";

    /// <summary>Every line is allocated and recorded; the key is not completed yet.</summary>
    public const string AllocateRecorded = "allocate:recorded";

    /// <summary>The stock-event consumer committed a page (positions, the figures they changed with their events, and the cursor).</summary>
    public const string StockEventsApplied = "events:stock-applied";

    /// <summary>
    /// New figures and their events are committed, by the publisher or (after <see cref="StockEventsApplied"/>) by the
    /// stock-event consumer; the events feed's waiting readers have not been woken.
    /// </summary>
    public const string AvailabilityPublished = "events:availability-published";

    public static IReadOnlyList<string> All { get; } =
        [OrderPending, OrderReservedAtErp, OrderRecorded, HoldReservedAtErp, ConfirmClaimed, ConfirmTransferred, ConfirmRecorded, AllocatedAtErp, AllocatePicked, AllocateRecorded,
         StockEventsApplied, AvailabilityPublished];
}
