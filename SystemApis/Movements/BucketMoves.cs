using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.SystemApis.Balances;
using IntegrationGateway.SystemApis.Idempotency;

namespace IntegrationGateway.SystemApis.Movements;

/// <summary>
/// The movements of one balance by a quantity: each is one conditional UPDATE whose WHERE is the floor that keeps every
/// bucket at 0 or more and reserved + allocated within on_hand - damaged - inspection (invariant 1), so the check and
/// the write cannot be separated by another writer. The ledger deltas are exactly the SET clause.
/// </summary>
public static class BucketMoves
{
    // An adjustment may take on-hand down only as far as what is already committed.
    private const string OnHand = $"""
        UPDATE balances SET on_hand = on_hand + @Quantity, version = version + 1
        WHERE sku = @Sku AND location = @Location
          AND on_hand + @Quantity >= reserved + allocated + damaged + inspection
        RETURNING {BalanceRow.Columns}
        """;
    private const string Inbound = $"""
        UPDATE balances SET inbound = inbound + @Quantity, version = version + 1
        WHERE sku = @Sku AND location = @Location
        RETURNING {BalanceRow.Columns}
        """;
    private const string TransitReceived = $"""
        UPDATE balances SET in_transit = in_transit - @Quantity, on_hand = on_hand + @Quantity, version = version + 1
        WHERE sku = @Sku AND location = @Location AND in_transit >= @Quantity
        RETURNING {BalanceRow.Columns}
        """;
    private const string ReturnReceived = $"""
        UPDATE balances SET on_hand = on_hand + @Quantity, inspection = inspection + @Quantity, version = version + 1
        WHERE sku = @Sku AND location = @Location
        RETURNING {BalanceRow.Columns}
        """;
    private const string InspectedSellable = $"""
        UPDATE balances SET inspection = inspection - @Quantity, version = version + 1
        WHERE sku = @Sku AND location = @Location AND inspection >= @Quantity
        RETURNING {BalanceRow.Columns}
        """;
    private const string InspectedDamaged = $"""
        UPDATE balances SET inspection = inspection - @Quantity, damaged = damaged + @Quantity, version = version + 1
        WHERE sku = @Sku AND location = @Location AND inspection >= @Quantity
        RETURNING {BalanceRow.Columns}
        """;
    private const string InspectedScrapped = $"""
        UPDATE balances SET inspection = inspection - @Quantity, on_hand = on_hand - @Quantity, version = version + 1
        WHERE sku = @Sku AND location = @Location AND inspection >= @Quantity
        RETURNING {BalanceRow.Columns}
        """;
    // Damage is a physical fact, so it may eat into safety stock, but never into reserved or allocated units.
    private const string Damaged = $"""
        UPDATE balances SET damaged = damaged + @Quantity, version = version + 1
        WHERE sku = @Sku AND location = @Location
          AND on_hand - reserved - allocated - damaged - inspection >= @Quantity
        RETURNING {BalanceRow.Columns}
        """;
    private const string DamagedScrapped = $"""
        UPDATE balances SET damaged = damaged - @Quantity, on_hand = on_hand - @Quantity, version = version + 1
        WHERE sku = @Sku AND location = @Location AND damaged >= @Quantity
        RETURNING {BalanceRow.Columns}
        """;

    public static string Statement(MovementRequest request) => (request.Type, request.Disposition) switch
    {
        (MovementType.Receipt or MovementType.Adjustment, _) => OnHand,
        (MovementType.PurchaseOrder, _) => Inbound,
        (MovementType.TransferReceive, _) => TransitReceived,
        (MovementType.ReturnReceipt, _) => ReturnReceived,
        (MovementType.ReturnDisposition, ReturnDisposition.Sellable) => InspectedSellable,
        (MovementType.ReturnDisposition, ReturnDisposition.Damaged) => InspectedDamaged,
        (MovementType.ReturnDisposition, ReturnDisposition.Scrapped) => InspectedScrapped,
        (MovementType.Damage, _) => Damaged,
        (MovementType.ScrapDamaged, _) => DamagedScrapped,
        _ => throw new ArgumentOutOfRangeException(nameof(request), request.Type, "Not a single-balance movement by a quantity."),
    };

    public static Ledger.LedgerEntry WithDeltas(Ledger.LedgerEntry entry, MovementRequest request)
    {
        var q = request.Quantity;
        return (request.Type, request.Disposition) switch
        {
            (MovementType.Receipt or MovementType.Adjustment, _) => entry with { OnHandDelta = q },
            (MovementType.PurchaseOrder, _) => entry with { InboundDelta = q },
            (MovementType.TransferReceive, _) => entry with { InTransitDelta = -q, OnHandDelta = q },
            (MovementType.ReturnReceipt, _) => entry with { OnHandDelta = q, InspectionDelta = q },
            (MovementType.ReturnDisposition, ReturnDisposition.Sellable) => entry with { InspectionDelta = -q },
            (MovementType.ReturnDisposition, ReturnDisposition.Damaged) => entry with { InspectionDelta = -q, DamagedDelta = q },
            (MovementType.ReturnDisposition, ReturnDisposition.Scrapped) => entry with { InspectionDelta = -q, OnHandDelta = -q },
            (MovementType.Damage, _) => entry with { DamagedDelta = q },
            (MovementType.ScrapDamaged, _) => entry with { DamagedDelta = -q, OnHandDelta = -q },
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Type, "Not a single-balance movement by a quantity."),
        };
    }

    /// <summary>Why the statement matched no row of an existing balance.</summary>
    public static StoredAnswer Refusal(MovementRequest request, BalanceRow current) => request.Type switch
    {
        MovementType.TransferReceive => MovementProblems.Short("inTransit", current.InTransit, request.Quantity),
        MovementType.ReturnDisposition => MovementProblems.Short("inspection", current.Inspection, request.Quantity),
        MovementType.ScrapDamaged => MovementProblems.Short("damaged", current.Damaged, request.Quantity),
        MovementType.Damage => MovementProblems.Short("sellable",
            current.OnHand - current.Reserved - current.Allocated - current.Damaged - current.Inspection, request.Quantity),
        _ => MovementProblems.Committed(current, request.Quantity, "The adjustment would take on-hand below committed stock."),
    };
}
