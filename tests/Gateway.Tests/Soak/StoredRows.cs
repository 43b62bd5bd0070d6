namespace IntegrationGateway.Gateway.Tests.Soak;

// Rows the soak reads straight from the stores, to judge the services by what they wrote rather than what they say.

/// <summary>An ERP balances row, every bucket.</summary>
public sealed record StoredBalance
{
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public long OnHand { get; init; }
    public long Reserved { get; init; }
    public long Allocated { get; init; }
    public long Damaged { get; init; }
    public long Inspection { get; init; }
    public long InTransit { get; init; }
    public long Inbound { get; init; }
    public long SafetyStock { get; init; }

    /// <summary>available_to_sell of DESIGN.md, floored at 0.</summary>
    public long Available => Math.Max(0, OnHand - Reserved - Allocated - Damaged - Inspection - SafetyStock);

    public override string ToString() =>
        $"{Sku}@{Location} on_hand={OnHand} reserved={Reserved} allocated={Allocated} damaged={Damaged} inspection={Inspection} " +
        $"in_transit={InTransit} inbound={Inbound} safety_stock={SafetyStock}";
}

/// <summary>The ledger's deltas of one SKU and location, summed; a balance rebuilt from its journal.</summary>
public sealed record LedgerTotal
{
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public long OnHand { get; init; }
    public long Reserved { get; init; }
    public long Allocated { get; init; }
    public long Damaged { get; init; }
    public long Inspection { get; init; }
    public long InTransit { get; init; }
    public long Inbound { get; init; }
    public long SafetyStock { get; init; }
}

/// <summary>Units an ERP reference (the process order id) holds actively at one SKU and location.</summary>
public sealed record ActiveHold
{
    public string Reference { get; init; } = "";
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public long Quantity { get; init; }
}

/// <summary>A process order row.</summary>
public sealed record StoredOrder
{
    public string Id { get; init; } = "";
    public string Channel { get; init; } = "";
    public string IdempotencyKey { get; init; } = "";
    public string State { get; init; } = "";
}

/// <summary>Where the process recorded an order as reserved.</summary>
public sealed record StoredAllocation
{
    public string OrderId { get; init; } = "";
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public long Quantity { get; init; }
}
