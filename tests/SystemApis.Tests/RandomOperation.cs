namespace IntegrationGateway.SystemApis.Tests;

/// <summary>
/// One of a reproducible mix of the ERP's stock-moving calls: receipts, adjustments up and down (some refused
/// because stock is committed), absolute on-hand counts from a source system (some refused as stale or below
/// committed stock), reservations (some refused for lack of stock), releases of earlier references, and the postings
/// that move the other buckets: purchase orders and receipts, transfers both ways, returns and their dispositions,
/// damage and scrap, safety stock (the ones taking units out of a bucket sometimes refused), and fulfilment:
/// allocations and shipments of a reference's reservations (refused when there is nothing to move), releases of one
/// SKU at one location, and cycle counts that take back the newest commitments when they find fewer units.
/// </summary>
public sealed record RandomOperation(string Kind, Func<HttpClient, Task<HttpResponseMessage>> Send)
{
    public const string Receipt = "receipt";
    public const string AdjustUp = "adjustment up";
    public const string AdjustDown = "adjustment down";
    public const string Count = "on-hand count";
    public const string Reserve = "reservation";
    public const string Release = "release";
    public const string PurchaseOrder = "purchase-order";
    public const string PurchaseReceipt = "purchase-receipt";
    public const string TransferShip = "transfer-ship";
    public const string TransferReceive = "transfer-receive";
    public const string ReturnReceipt = "return-receipt";
    public const string ReturnDisposition = "return-disposition";
    public const string Damage = "damage";
    public const string ScrapDamaged = "scrap-damaged";
    public const string SafetyStock = "safety-stock";
    public const string Allocate = "allocate";
    public const string Ship = "ship";
    public const string ReleaseLine = "release one balance";
    public const string CycleCount = "cycle count";

    private static readonly string[] Dispositions = ["sellable", "damaged", "scrapped"];
    private static readonly DateTimeOffset Eta = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Every random choice is made here, in order, so a seed always gives the same list.</summary>
    public static List<RandomOperation> Generate(Random random, int count, IReadOnlyList<string> skus, IReadOnlyList<string> locations, string referencePrefix)
    {
        var operations = new List<RandomOperation>(count);
        for (var i = 0; i < count; i++)
        {
            var sku = skus[random.Next(skus.Count)];
            var at = random.Next(locations.Count);
            var location = locations[at];
            var other = locations[(at + 1) % locations.Count];
            // A small pool of references, so a release finds zero, one or several reservations at several balances.
            var reference = $"{referencePrefix}-{random.Next(300)}";
            var roll = random.Next(140);
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
                < 100 => new RandomOperation(Release, erp => erp.ReleaseAsync(reference)),
                < 102 => new(PurchaseOrder, erp => erp.PostMovementAsync(sku, location, PurchaseOrder, quantity, expectedAt: Eta)),
                < 104 => new(PurchaseReceipt, erp => erp.PostMovementAsync(sku, location, PurchaseReceipt, 1 + quantity % 10)),
                < 106 => new(TransferShip, erp => erp.PostMovementAsync(sku, location, TransferShip, 1 + quantity % 6, toLocation: other)),
                < 108 => new(TransferReceive, erp => erp.PostMovementAsync(sku, location, TransferReceive, 1 + quantity % 6)),
                < 110 => new(ReturnReceipt, erp => erp.PostMovementAsync(sku, location, ReturnReceipt, 1 + quantity % 4)),
                < 112 => new(ReturnDisposition, erp => erp.PostMovementAsync(sku, location, ReturnDisposition, 1 + quantity % 4, disposition: Dispositions[quantity % 3])),
                < 114 => new(Damage, erp => erp.PostMovementAsync(sku, location, Damage, 1 + quantity % 3)),
                < 116 => new(ScrapDamaged, erp => erp.PostMovementAsync(sku, location, ScrapDamaged, 1 + quantity % 3)),
                < 120 => new(SafetyStock, erp => erp.PostMovementAsync(sku, location, SafetyStock, quantity % 6)),
                < 127 => new(Allocate, erp => erp.FulfilAsync("allocate", reference, sku, location)),
                // Shipping needs an allocation of the same reference and balance first, which a random pick rarely finds.
                < 132 => new(Ship, async erp =>
                {
                    (await erp.FulfilAsync("allocate", reference, sku, location)).Dispose();
                    return await erp.FulfilAsync("ship", reference, sku, location);
                }),
                < 135 => new(ReleaseLine, erp => erp.ReleaseLineAsync(reference, sku, location)),
                _ => new(CycleCount, erp => erp.CycleCountAsync(sku, location, quantity % 12)),
            });
        }
        return operations;
    }
}
