namespace IntegrationGateway.Gateway.Tests.Soak;

/// <summary>
/// Invariants 2 and 5 across the two stores once the stack is quiet: the process's orders, the ERP's active
/// reservations (reference = order id) and the ERP's reserved buckets all tell one story, and it is the story
/// the channel was told.
/// </summary>
public static class OrderInvariants
{
    public static IEnumerable<string> HoldExactlyOnce(
        IReadOnlyList<StoredOrder> orders, IReadOnlyList<StoredAllocation> allocations, IReadOnlyList<ActiveHold> holds, IReadOnlyList<StoredBalance> balances)
    {
        var states = orders.ToDictionary(o => o.Id, o => o.State);
        var held = holds.ToLookup(h => h.Reference);
        var allocated = allocations.ToLookup(a => a.OrderId);

        // Every call has returned, so no order may still be mid-way: recovery exists for crashes and outages, and
        // with its default StrandedAfter (1 minute) it would not even look at orders of a 20 s run.
        foreach (var order in orders.Where(o => o.State is "pending" or "compensating"))
        {
            yield return $"order {order.Id} was left {order.State} after every call returned";
        }
        foreach (var order in orders.Where(o => o.State == "reserved"))
        {
            var want = Describe(allocated[order.Id].Select(a => (a.Sku, a.Location, a.Quantity)));
            var have = Describe(held[order.Id].Select(h => (h.Sku, h.Location, h.Quantity)));
            if (want != have)
            {
                yield return $"invariant 2 (exactly once) broken: reserved order {order.Id} has allocations [{want}] but active ERP reservations [{have}]";
            }
        }
        foreach (var reference in held.Select(g => g.Key).Where(r => states.GetValueOrDefault(r) != "reserved"))
        {
            yield return $"invariant 5 (nothing left behind) broken: active ERP reservations [{Describe(held[reference].Select(h => (h.Sku, h.Location, h.Quantity)))}] " +
                $"belong to {reference}, which is {states.GetValueOrDefault(reference) ?? "not a process order"}";
        }
        var holdsByBalance = holds.GroupBy(h => (h.Sku, h.Location)).ToDictionary(g => g.Key, g => g.Sum(h => h.Quantity));
        foreach (var b in balances.Where(b => b.Reserved + b.Allocated != holdsByBalance.GetValueOrDefault((b.Sku, b.Location))))
        {
            yield return $"reserved + allocated buckets disagree with active and allocated reservations: {b}; those sum to {holdsByBalance.GetValueOrDefault((b.Sku, b.Location))}";
        }
        foreach (var key in orders.Where(o => o.State is "reserved" or "cancelled").GroupBy(o => (o.Channel, o.IdempotencyKey)).Where(g => g.Count() > 1))
        {
            yield return $"invariant 2 (exactly once) broken: Idempotency-Key {key.Key.IdempotencyKey} placed {key.Count()} orders: {string.Join(", ", key.Select(o => o.Id))}";
        }
    }

    /// <summary>Each order is in the state its last answer gave the channel, and none holds stock the channel was refused.</summary>
    public static IEnumerable<string> StatesAreWhatTheChannelWasTold(IReadOnlyList<StoredOrder> orders, IReadOnlyDictionary<string, bool> told)
    {
        var states = orders.ToDictionary(o => o.Id, o => o.State);
        foreach (var (id, cancelled) in told)
        {
            var want = cancelled ? "cancelled" : "reserved";
            if (states.GetValueOrDefault(id) != want)
            {
                yield return $"order {id} was answered {want} but is {states.GetValueOrDefault(id) ?? "missing"} in the process store";
            }
        }
        foreach (var order in orders.Where(o => o.State is "reserved" or "cancelled" && !told.ContainsKey(o.Id)))
        {
            yield return $"order {order.Id} is {order.State} in the process store, but no caller was told it was accepted";
        }
    }

    private static string Describe(IEnumerable<(string Sku, string Location, long Quantity)> lines) =>
        string.Join(", ", lines.OrderBy(l => l.Sku, StringComparer.Ordinal).ThenBy(l => l.Location, StringComparer.Ordinal)
            .Select(l => $"{l.Sku}@{l.Location}={l.Quantity}"));
}
