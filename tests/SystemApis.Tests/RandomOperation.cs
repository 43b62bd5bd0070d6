namespace IntegrationGateway.SystemApis.Tests;

/// <summary>
/// One of a reproducible mix of the ERP's stock-moving calls: receipts, adjustments up and down (some refused
/// because stock is committed), absolute on-hand counts from a source system (some refused as stale or below
/// committed stock), reservations (some refused for lack of stock) and releases of earlier references.
/// </summary>
public sealed record RandomOperation(string Kind, Func<HttpClient, Task<HttpResponseMessage>> Send)
{
    public const string Receipt = "receipt";
    public const string AdjustUp = "adjustment up";
    public const string AdjustDown = "adjustment down";
    public const string Count = "on-hand count";
    public const string Reserve = "reservation";
    public const string Release = "release";

    /// <summary>Every random choice is made here, in order, so a seed always gives the same list.</summary>
    public static List<RandomOperation> Generate(Random random, int count, IReadOnlyList<string> skus, IReadOnlyList<string> locations, string referencePrefix)
    {
        var operations = new List<RandomOperation>(count);
        for (var i = 0; i < count; i++)
        {
            var sku = skus[random.Next(skus.Count)];
            var location = locations[random.Next(locations.Count)];
            // A small pool of references, so a release finds zero, one or several reservations at several balances.
            var reference = $"{referencePrefix}-{random.Next(300)}";
            var roll = random.Next(100);
            var quantity = random.Next(1, 16);
            var sequence = i;
            operations.Add(roll switch
            {
                < 20 => new(Receipt, erp => erp.MoveAsync(sku, location, "receipt", 1 + quantity % 10)),
                < 30 => new(AdjustUp, erp => erp.MoveAsync(sku, location, "adjustment", 1 + quantity % 5)),
                < 45 => new(AdjustDown, erp => erp.MoveAsync(sku, location, "adjustment", -quantity)),
                // Sequences follow generation order; run 8 at a time, some arrive after a newer one and are stale.
                < 50 => new(Count, erp => erp.EventAsync("rebuild-mix", $"{reference}-ev-{sequence}", sequence, sku, location, "on-hand-count", quantity)),
                < 85 => new(Reserve, erp => erp.ReserveAsync(reference, sku, location, 1 + quantity % 8)),
                _ => new RandomOperation(Release, erp => erp.ReleaseAsync(reference)),
            });
        }
        return operations;
    }
}
