namespace IntegrationGateway.Gateway.Tests.Soak;

/// <summary>
/// One storefront connector in the soak, with a warehouse and a stock clerk beside it: places, replays and cancels
/// orders through the gateway, has the warehouse allocate them to picks and confirm shipments, lets the clerk post
/// receipts, adjustments, transfers and returns at the ERP, and checks every answer against what the operation may
/// answer.
/// </summary>
public sealed class SoakWorker(int number, HttpClient storefront, HttpClient warehouse, SoakStockClerk clerk, IReadOnlyList<string> skus, SoakBudget budget, SoakTally tally, SoakRecord record)
{
    private const string InProgress = "idempotency-key-in-progress";

    private static readonly string?[] Regions = ["eu", "us", null];

    private readonly Random _random = new(SoakLimits.BaseSeed + 1 + number);
    private readonly List<string> _cancellable = [];

    public async Task RunAsync(CancellationToken stop)
    {
        // The stop is looked at only between operations: a call in flight always finishes, so the final checks
        // see a quiet stack and every answer is counted.
        while (!stop.IsCancellationRequested && budget.TryTake())
        {
            var roll = _random.Next(100);
            try
            {
                await (roll switch
                {
                    < 30 => PlaceAsync(),
                    < 37 => PlaceWithOneKeySeveralTimesAsync(),
                    < 48 => CancelAsync(),
                    < 60 => FulfilAsync(),
                    < 65 => clerk.ReceiveAsync(),
                    < 71 => clerk.AdjustAsync(-1),
                    < 77 => clerk.AdjustAsync(+1),
                    < 84 => clerk.TransferAsync(),
                    < 91 => clerk.ReturnAsync(),
                    _ => ReadAvailabilityAsync(),
                });
            }
            catch (Exception failure)
            {
                // A dropped connection, a timeout or a body of the wrong shape: recorded, so the run goes on to its
                // final checks and the test fails with every surprise listed rather than the first.
                tally.Surprise("exception", $"{failure.GetType().Name}: {failure.Message}");
            }
        }
    }

    private async Task PlaceAsync() => Note("order", await SoakCalls.PlaceOrderAsync(storefront, NewOrder(), NewKey()));

    /// <summary>A connector that resends an order with its key, after the answer or while the first is running.</summary>
    private async Task PlaceWithOneKeySeveralTimesAsync()
    {
        var order = NewOrder();
        var key = NewKey();
        SoakAnswer[] answers;
        if (_random.Next(2) == 0)
        {
            var first = await SoakCalls.PlaceOrderAsync(storefront, order, key);
            var replay = await SoakCalls.PlaceOrderAsync(storefront, order, key);
            answers = [first, replay];
            if ((replay.Status, replay.Id, replay.ProblemType) != (first.Status, first.Id, first.ProblemType))
            {
                tally.Surprise("order, same key", $"the replay answered {replay}, the first {first}");
            }
        }
        else
        {
            answers = await Task.WhenAll(Enumerable.Range(0, _random.Next(2, 4)).Select(_ => SoakCalls.PlaceOrderAsync(storefront, order, key)));
        }
        // However the copies interleaved, those not told "still in progress" all carry the one answer of the key.
        var settled = answers.Where(a => a.ProblemType != InProgress).Select(a => (a.Status, a.Id, a.ProblemType)).Distinct().ToList();
        if (settled.Count != 1)
        {
            tally.Surprise("order, same key", $"one key, {settled.Count} different answers: {string.Join(" | ", answers.Select(a => a.ToString()))}");
        }
        foreach (var answer in answers)
        {
            Note("order, same key", answer);
        }
    }

    private void Note(string kind, SoakAnswer answer)
    {
        switch (answer)
        {
            case { Status: 201, Id: { } id, State: "reserved" }:
                record.Accepted(id);
                if (!_cancellable.Contains(id))
                {
                    _cancellable.Add(id);
                }
                tally.Count(kind, answer.Outcome);
                break;
            case { Status: 409, ProblemType: "insufficient-stock" or InProgress }:
                tally.Count(kind, answer.Outcome);
                break;
            default:
                tally.Surprise(kind, answer.ToString());
                break;
        }
    }

    /// <summary>Cancels an accepted order; sometimes a second time, with the same key or a new one, after or alongside the first.</summary>
    private async Task CancelAsync()
    {
        if (_cancellable.Count == 0)
        {
            await PlaceAsync();
            return;
        }
        var index = _random.Next(_cancellable.Count);
        var id = _cancellable[index];
        _cancellable.RemoveAt(index);
        var key = NewKey();
        SoakAnswer[] answers = _random.Next(10) switch
        {
            < 6 => [await SoakCalls.CancelOrderAsync(storefront, id, key)],
            < 8 => [await SoakCalls.CancelOrderAsync(storefront, id, key), await SoakCalls.CancelOrderAsync(storefront, id, _random.Next(2) == 0 ? key : NewKey())],
            _ => await Task.WhenAll(SoakCalls.CancelOrderAsync(storefront, id, key), SoakCalls.CancelOrderAsync(storefront, id, NewKey())),
        };
        for (var i = 0; i < answers.Length; i++)
        {
            var kind = i == 0 ? "cancel" : "cancel again";
            if (answers[i] is { Status: 200, State: "cancelled" } cancelled && cancelled.Id == id)
            {
                record.Cancelled(id);
                tally.Count(kind, cancelled.Outcome);
            }
            else
            {
                tally.Surprise(kind, $"{id}: {answers[i]}");
            }
        }
    }

    /// <summary>
    /// The warehouse releases one of this connector's orders to picks; most of the time it then ships every pick, and
    /// the order leaves the cancellable ones (a shipped order cannot be cancelled). An allocated, unshipped order stays
    /// cancellable: cancel after allocation withdraws its picks.
    /// </summary>
    private async Task FulfilAsync()
    {
        if (_cancellable.Count == 0)
        {
            await PlaceAsync();
            return;
        }
        var id = _cancellable[_random.Next(_cancellable.Count)];
        var allocated = await SoakCalls.AllocateAsync(warehouse, id, NewKey());
        // Earlier refusals may have left units reserved elsewhere (a pick opens for them now) or waiting as a backorder.
        if (allocated is not { Status: 200, Json: { } order, State: "allocated" or "reserved" or "backordered" })
        {
            tally.Surprise("allocate", $"{id}: {allocated}");
            return;
        }
        tally.Count("allocate", allocated.Outcome);
        if (_random.Next(10) < 3)
        {
            return;
        }
        var picks = order.GetProperty("lines").EnumerateArray().SelectMany(l => l.GetProperty("allocations").EnumerateArray()
            .Where(a => a.GetProperty("state").GetString() == "allocated")
            .Select(a => (Sku: l.GetProperty("sku").GetString()!, Location: a.GetProperty("location").GetString()!, Quantity: a.GetProperty("quantity").GetInt32(), PickId: a.GetProperty("pickId").GetString()!)))
            .DistinctBy(p => p.PickId)
            .ToList();
        foreach (var pick in picks)
        {
            if (_random.Next(8) == 0)
            {
                // The floor finds the bin short: the units are sourced again elsewhere or wait as a backorder.
                var refused = await SoakCalls.RefusePickAsync(warehouse, pick.PickId, NewKey());
                if (refused is { Status: 200 })
                {
                    tally.Count("pick refusal", refused.Outcome);
                }
                else
                {
                    tally.Surprise("pick refusal", $"{pick.PickId}: {refused}");
                }
                continue;
            }
            // A shipped unit can no longer be cancelled, so the order leaves the cancellable ones.
            _cancellable.Remove(id);
            var key = NewKey();
            var shipped = await SoakCalls.ShipConfirmAsync(warehouse, pick.PickId, key);
            // A confirmation sent twice is posted once: on-hand is checked against the record at the end.
            var again = _random.Next(5) == 0 ? await SoakCalls.ShipConfirmAsync(warehouse, pick.PickId, _random.Next(2) == 0 ? key : NewKey()) : shipped;
            if (shipped is { Status: 200 } && again is { Status: 200 })
            {
                record.Moved(pick.Sku, pick.Location, -pick.Quantity);
                tally.Count("ship confirm", shipped.Outcome);
            }
            else
            {
                tally.Surprise("ship confirm", $"{pick.PickId}: {shipped} / {again}");
            }
        }
    }

    private async Task ReadAvailabilityAsync()
    {
        var answer = await SoakCalls.AvailabilityAsync(storefront, skus[_random.Next(skus.Count)]);
        if (answer is { Status: 200, Json: { } level } && level.GetProperty("total").GetProperty("available").GetInt32() is var total
            // Units owed to waiting backorders are withheld from the total, never added to it.
            && total >= 0 && total <= level.GetProperty("locations").EnumerateArray().Sum(l => l.GetProperty("available").GetInt32()))
        {
            tally.Count("availability", answer.Outcome);
        }
        else
        {
            tally.Surprise("availability", answer.ToString());
        }
    }

    private object NewOrder() => SoakCalls.Order(Regions[_random.Next(Regions.Length)], _random.Next(2) == 0,
        Enumerable.Range(0, _random.Next(1, 4)).Select(_ => (skus[_random.Next(skus.Count)], _random.Next(1, 5))).ToList());

    private static string NewKey() => Guid.NewGuid().ToString();
}
