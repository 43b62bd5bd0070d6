using IntegrationGateway.Contracts.Erp;

namespace IntegrationGateway.SystemApis.Rebuild;

/// <summary>One balance as it is held (Live*) beside the sums of its ledger deltas (the other buckets).</summary>
public sealed record RebuiltBalance
{
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public long LiveOnHand { get; init; }
    public long LiveReserved { get; init; }
    public long LiveAllocated { get; init; }
    public long LiveDamaged { get; init; }
    public long LiveInspection { get; init; }
    public long LiveInTransit { get; init; }
    public long LiveInbound { get; init; }
    public long LiveSafetyStock { get; init; }
    public long OnHand { get; init; }
    public long Reserved { get; init; }
    public long Allocated { get; init; }
    public long Damaged { get; init; }
    public long Inspection { get; init; }
    public long InTransit { get; init; }
    public long Inbound { get; init; }
    public long SafetyStock { get; init; }

    public IEnumerable<BalanceDifference> Differences()
    {
        (BalanceBucket Bucket, long Live, long Rebuilt)[] buckets =
        [
            (BalanceBucket.OnHand, LiveOnHand, OnHand),
            (BalanceBucket.Reserved, LiveReserved, Reserved),
            (BalanceBucket.Allocated, LiveAllocated, Allocated),
            (BalanceBucket.Damaged, LiveDamaged, Damaged),
            (BalanceBucket.Inspection, LiveInspection, Inspection),
            (BalanceBucket.InTransit, LiveInTransit, InTransit),
            (BalanceBucket.Inbound, LiveInbound, Inbound),
            (BalanceBucket.SafetyStock, LiveSafetyStock, SafetyStock),
        ];
        return buckets.Where(b => b.Live != b.Rebuilt).Select(b => new BalanceDifference
        {
            Sku = Sku,
            Location = Location,
            Bucket = b.Bucket,
            Live = checked((int)b.Live),
            Rebuilt = checked((int)b.Rebuilt),
        });
    }

    /// <summary>The constraints of the balances table, checked before writing so a refusal is a 409 and not a failed transaction.</summary>
    public bool RebuildsToAValidBalance =>
        OnHand >= 0 && Reserved >= 0 && Allocated >= 0 && Damaged >= 0 && Inspection >= 0 && InTransit >= 0 && Inbound >= 0 && SafetyStock >= 0
        && Reserved + Allocated <= OnHand - Damaged - Inspection;
}
