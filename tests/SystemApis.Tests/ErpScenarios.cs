using System.Net;
using System.Text.Json;
using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.SystemApis.Tests;

/// <summary>ERP behaviour that must hold on every store; each test class runs these on one provider.</summary>
public static partial class ErpScenarios
{
    public static async Task ConcurrentReservationsNeverExceedSellableStock(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var sku = await new Inventory(erp).NewSkuAsync(("EU-1", 20));

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => erp.ReserveAsync($"race-{i}", sku, "EU-1", 1)));

        Assert.Equal(20, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(30, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var balance = await new Inventory(erp).BalanceAsync(sku, "EU-1");
        Assert.Equal((20, 20, 0), (balance.OnHand, balance.Reserved, balance.Available));
    }

    public static async Task AReplayedKeyGetsTheFirstAnswerAndAnotherBodyIs422(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 10));

        var first = await (await erp.ReserveAsync("ord-1", sku, "EU-1", 4, "k-" + sku)).JsonAsync(HttpStatusCode.Created);
        var replay = await (await erp.ReserveAsync("ord-1", sku, "EU-1", 4, "k-" + sku)).JsonAsync(HttpStatusCode.Created);
        await (await erp.ReserveAsync("ord-1", sku, "EU-1", 5, "k-" + sku)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        await (await erp.ReserveAsync("ord-1", sku, "EU-1", 4, key: "")).AssertProblemAsync(HttpStatusCode.BadRequest, "idempotency-key-missing");

        Assert.Equal(first.GetProperty("id").GetString(), replay.GetProperty("id").GetString());
        Assert.Equal(4, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
    }

    public static async Task ARefusedReservationIsReplayedAsARefusal(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 1));

        var refused = await (await erp.ReserveAsync("ord-2", sku, "EU-1", 2, "k-" + sku)).AssertProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");
        await inventory.ReceiveAsync(sku, "EU-1", 5);
        var replay = await (await erp.ReserveAsync("ord-2", sku, "EU-1", 2, "k-" + sku)).AssertProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");

        Assert.Equal(1, refused.GetProperty("shortages")[0].GetProperty("available").GetInt32());
        Assert.Equal(refused.GetRawText(), replay.GetRawText());
        Assert.Equal(0, (await inventory.BalanceAsync(sku, "EU-1")).Reserved);
    }

    public static async Task ReleaseGivesBackEveryReservationOfAReferenceOnce(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 5), ("US-1", 5));
        (await erp.ReserveAsync("ord-3-" + sku, sku, "EU-1", 2)).EnsureSuccessStatusCode();
        (await erp.ReserveAsync("ord-3-" + sku, sku, "US-1", 3)).EnsureSuccessStatusCode();

        var released = await (await erp.ReleaseAsync("ord-3-" + sku)).JsonAsync(HttpStatusCode.OK);
        var again = await (await erp.ReleaseAsync("ord-3-" + sku)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(5, released.GetProperty("released").EnumerateArray().Sum(r => r.GetProperty("quantity").GetInt32()));
        Assert.Empty(again.GetProperty("released").EnumerateArray());
        Assert.All(await inventory.BalancesAsync(sku), b => Assert.Equal(0, b.Reserved));
    }

    public static async Task AnAdjustmentCannotTakeOnHandBelowCommittedStock(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 10));
        (await erp.ReserveAsync("ord-4", sku, "EU-1", 6)).EnsureSuccessStatusCode();

        var refused = await (await erp.MoveAsync(sku, "EU-1", "adjustment", -5)).AssertProblemAsync(HttpStatusCode.Conflict, "stock-committed");
        var allowed = await (await erp.MoveAsync(sku, "EU-1", "adjustment", -4)).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(6, refused.GetProperty("committed").GetInt32());
        Assert.Equal((6, 6, 0), (allowed.GetProperty("onHand").GetInt32(), allowed.GetProperty("reserved").GetInt32(), allowed.GetProperty("available").GetInt32()));
    }

    public static async Task EveryBalanceVersionMovesWithEachChange(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 3));
        var before = (await inventory.BalanceAsync(sku, "EU-1")).Version;

        (await erp.ReserveAsync("ord-5", sku, "EU-1", 1)).EnsureSuccessStatusCode();
        (await erp.MoveAsync(sku, "EU-1", "receipt", 2)).EnsureSuccessStatusCode();

        Assert.Equal(before + 2, (await inventory.BalanceAsync(sku, "EU-1")).Version);
    }

    public static async Task EveryBalanceEqualsTheSumOfItsLedgerRows(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 9), ("US-1", 4));
        (await erp.ReserveAsync("ord-6-" + sku, sku, "EU-1", 5)).EnsureSuccessStatusCode();
        (await erp.ReserveAsync("ord-7-" + sku, sku, "US-1", 2)).EnsureSuccessStatusCode();
        (await erp.MoveAsync(sku, "EU-1", "adjustment", -3)).EnsureSuccessStatusCode();
        (await erp.ReleaseAsync("ord-6-" + sku)).EnsureSuccessStatusCode();

        const string audit = """
            SELECT b.location AS Location, b.on_hand AS OnHand, b.reserved AS Reserved,
                   COALESCE(SUM(l.on_hand_delta), 0) AS LedgerOnHand, COALESCE(SUM(l.reserved_delta), 0) AS LedgerReserved,
                   COUNT(l.id) AS Rows
            FROM balances b LEFT JOIN ledger l ON l.sku = b.sku AND l.location = b.location
            WHERE b.sku = @sku GROUP BY b.location, b.on_hand, b.reserved ORDER BY b.location
            """;
        var database = host.Services.GetRequiredService<Database>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var rows = (await connection.QueryAsync<(string Location, long OnHand, long Reserved, long LedgerOnHand, long LedgerReserved, long Rows)>(audit, new { sku })).ToList();

        Assert.Equal([("EU-1", 6L, 0L, 6L, 0L, 4L), ("US-1", 4L, 2L, 4L, 2L, 2L)], rows);
    }

    public static async Task InvalidRequestsAreProblemsAndChangeNothing(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 3));
        var before = await inventory.SnapshotAsync(sku);

        await (await erp.ReserveAsync("r", sku, "EU-1", 0)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await erp.ReserveAsync("r", sku, "EU-1", -1)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await erp.ReserveAsync("r", "NO-SUCH", "EU-1", 1)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await erp.ReserveAsync("r", sku, "MARS-1", 1)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await erp.MoveAsync(sku, "EU-1", "receipt", -2)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await erp.MoveAsync(sku, "EU-1", "adjustment", 0)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await erp.MoveAsync(sku, "EU-1", "teleport", 1)).AssertProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        // A required enum left out must not bind as its first value (a receipt).
        await (await erp.PostKeyedAsync("/system/erp/v1/movements", new { sku, location = "EU-1", quantity = 5 }, null)).AssertProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        // Nor may a required number left out bind as 0.
        await (await erp.PostKeyedAsync("/system/erp/v1/movements", new { sku, location = "EU-1", type = "adjustment" }, null)).AssertProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        await (await erp.GetAsync("/system/erp/v1/balances")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        Assert.Equal(before, await inventory.SnapshotAsync(sku));
    }
}
