using IntegrationGateway.Contracts.Erp;

namespace IntegrationGateway.Gateway.Tests.Soak;

/// <summary>
/// Operations staff at the ERP admin API during the soak: receipts (some redelivered), adjustments both ways,
/// transfers between the locations (some received in part) and customer returns with their disposition.
/// </summary>
public sealed class SoakStockClerk(int number, HttpClient erpAdmin, IReadOnlyList<string> skus, SoakTally tally, SoakRecord record)
{
    private readonly Random _random = new(SoakLimits.BaseSeed + 101 + number);

    public async Task ReceiveAsync()
    {
        var movement = NewMovement(MovementType.Receipt, _random.Next(1, 7));
        var key = Guid.NewGuid().ToString();
        var first = await SoakCalls.MoveAsync(erpAdmin, movement, key);
        Note("receipt", first, movement, mayBeRefused: false);
        if (_random.Next(4) == 0)
        {
            // A redelivered receipt answers as the first did and moves nothing (on-hand is checked at the end).
            var replay = await SoakCalls.MoveAsync(erpAdmin, movement, key);
            if ((replay.Status, replay.Body) == (first.Status, first.Body))
            {
                tally.Count("receipt, same key", replay.Outcome);
            }
            else
            {
                tally.Surprise("receipt, same key", $"the replay answered {replay}, the first {first}");
            }
        }
    }

    /// <summary>An adjustment down may meet stock that is committed: the ERP refuses it with 409 rather than oversell.</summary>
    public async Task AdjustAsync(int sign)
    {
        var movement = NewMovement(MovementType.Adjustment, sign * _random.Next(1, 5));
        var answer = await SoakCalls.MoveAsync(erpAdmin, movement, Guid.NewGuid().ToString());
        Note(sign < 0 ? "adjustment down" : "adjustment up", answer, movement, mayBeRefused: sign < 0);
    }

    /// <summary>Ships units from one location to the other and receives all or part of them; the rest stays in transit.</summary>
    public async Task TransferAsync()
    {
        var from = NewMovement(MovementType.TransferShip, _random.Next(1, 4));
        from.ToLocation = SoakLimits.Locations.First(l => l != from.Location);
        var shipped = await SoakCalls.MoveAsync(erpAdmin, from, Guid.NewGuid().ToString());
        if (shipped is { Status: 409, ProblemType: "stock-committed" or "insufficient-stock" })
        {
            tally.Count("transfer ship", shipped.Outcome);
            return;
        }
        Note("transfer ship", shipped, new MovementRequest { Sku = from.Sku, Location = from.Location, Quantity = -from.Quantity }, mayBeRefused: false);
        if (shipped.Status != 201)
        {
            return;
        }
        var receipt = new MovementRequest { Sku = from.Sku, Location = from.ToLocation, Type = MovementType.TransferReceive, Quantity = _random.Next(1, from.Quantity + 1), Reason = "soak" };
        Note("transfer receive", await SoakCalls.MoveAsync(erpAdmin, receipt, Guid.NewGuid().ToString()), receipt, mayBeRefused: false);
    }

    /// <summary>A customer return lands in inspection and is then put back to sellable, marked damaged or scrapped.</summary>
    public async Task ReturnAsync()
    {
        var receipt = NewMovement(MovementType.ReturnReceipt, _random.Next(1, 3));
        Note("return receipt", await SoakCalls.MoveAsync(erpAdmin, receipt, Guid.NewGuid().ToString()), receipt, mayBeRefused: false);
        var disposition = (ReturnDisposition)_random.Next(3);
        var decided = new MovementRequest { Sku = receipt.Sku, Location = receipt.Location, Type = MovementType.ReturnDisposition, Disposition = disposition, Quantity = receipt.Quantity, Reason = "soak" };
        var answer = await SoakCalls.MoveAsync(erpAdmin, decided, Guid.NewGuid().ToString());
        // Only a scrapped unit leaves on-hand; sellable and damaged units stay in the building.
        Note($"return {disposition.ToString().ToLowerInvariant()}", answer, new MovementRequest { Sku = decided.Sku, Location = decided.Location, Quantity = disposition == ReturnDisposition.Scrapped ? -decided.Quantity : 0 }, mayBeRefused: false);
    }

    private void Note(string kind, SoakAnswer answer, MovementRequest movement, bool mayBeRefused)
    {
        if (answer.Status == 201)
        {
            record.Moved(movement.Sku, movement.Location, movement.Quantity);
            tally.Count(kind, answer.Outcome);
        }
        else if (mayBeRefused && answer is { Status: 409, ProblemType: "stock-committed" })
        {
            tally.Count(kind, answer.Outcome);
        }
        else
        {
            tally.Surprise(kind, answer.ToString());
        }
    }

    private MovementRequest NewMovement(MovementType type, int quantity) => new()
    {
        Sku = skus[_random.Next(skus.Count)],
        Location = SoakLimits.Locations[_random.Next(SoakLimits.Locations.Length)],
        Type = type,
        Quantity = quantity,
        Reason = "soak",
    };
}
