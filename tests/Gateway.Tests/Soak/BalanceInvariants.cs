namespace IntegrationGateway.Gateway.Tests.Soak;

/// <summary>DESIGN.md invariants 1 and 4 over the ERP's balances, each broken one reported as a sentence.</summary>
public static class BalanceInvariants
{
    /// <summary>Invariant 1: reserved + allocated never exceeds on_hand - damaged - inspection, and no bucket is negative.</summary>
    public static IEnumerable<string> NoOversell(IEnumerable<StoredBalance> balances) => balances
        .Where(b => b.Reserved + b.Allocated > b.OnHand - b.Damaged - b.Inspection
            || new[] { b.OnHand, b.Reserved, b.Allocated, b.Damaged, b.Inspection, b.InTransit, b.Inbound, b.SafetyStock }.Any(q => q < 0))
        .Select(b => $"invariant 1 (no oversell) broken: {b}");

    /// <summary>Invariant 4: every bucket of every balance is the sum of its ledger deltas, and no ledger row is orphaned.</summary>
    public static IEnumerable<string> LedgerExplainsEveryBalance(IReadOnlyList<StoredBalance> balances, IReadOnlyList<LedgerTotal> ledger)
    {
        var journal = ledger.ToDictionary(t => (t.Sku, t.Location));
        foreach (var b in balances)
        {
            var t = journal.GetValueOrDefault((b.Sku, b.Location)) ?? new LedgerTotal { Sku = b.Sku, Location = b.Location };
            if ((b.OnHand, b.Reserved, b.Allocated, b.Damaged, b.Inspection, b.InTransit, b.Inbound, b.SafetyStock)
                != (t.OnHand, t.Reserved, t.Allocated, t.Damaged, t.Inspection, t.InTransit, t.Inbound, t.SafetyStock))
            {
                yield return $"invariant 4 (ledger) broken: balance {b}; ledger sums on_hand={t.OnHand} reserved={t.Reserved} " +
                    $"allocated={t.Allocated} damaged={t.Damaged} inspection={t.Inspection} in_transit={t.InTransit} inbound={t.Inbound} safety_stock={t.SafetyStock}";
            }
        }
        var known = balances.Select(b => (b.Sku, b.Location)).ToHashSet();
        foreach (var orphan in ledger.Where(t => !known.Contains((t.Sku, t.Location))))
        {
            yield return $"invariant 4 (ledger) broken: ledger rows for {orphan.Sku}@{orphan.Location}, which has no balance";
        }
    }

    /// <summary>
    /// Invariant 2 for movements: on-hand is the opening stock plus each accepted movement once, however often its
    /// key was sent (orders never move on-hand; nothing ships in these flows).
    /// </summary>
    public static IEnumerable<string> OnHandIsEveryAcceptedMovementOnce(IReadOnlyList<StoredBalance> balances, IReadOnlyDictionary<(string Sku, string Location), int> expected)
    {
        var stored = balances.ToDictionary(b => (b.Sku, b.Location));
        foreach (var ((sku, location), onHand) in expected)
        {
            var actual = stored.GetValueOrDefault((sku, location))?.OnHand;
            if (actual != onHand)
            {
                yield return $"invariant 2 (movements once) broken: {sku}@{location} on_hand={actual?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}, " +
                    $"accepted movements add up to {onHand}";
            }
        }
    }
}
