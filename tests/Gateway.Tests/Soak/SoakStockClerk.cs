using IntegrationGateway.Contracts.Erp;

namespace IntegrationGateway.Gateway.Tests.Soak;

/// <summary>Operations staff at the ERP admin API during the soak: receipts (some redelivered) and adjustments both ways.</summary>
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
