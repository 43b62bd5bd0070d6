using System.Net;
using System.Text;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.SystemApis.Tests;

/// <summary>The ledger as callers read it: pages in ledger order, filters, and the provenance of every row.</summary>
public static partial class ErpScenarios
{
    public static async Task LedgerPagesNeverSkipOrRepeatARowWhileRowsAreAppended(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync();
        // Receipts of 1..7 units, alternating locations, so each row is recognisable by its quantity.
        for (var quantity = 1; quantity <= 7; quantity++)
        {
            await inventory.ReceiveAsync(sku, quantity % 2 == 1 ? "EU-1" : "US-1", quantity);
        }

        var first = await erp.LedgerPageAsync(sku, limit: 3);
        await inventory.ReceiveAsync(sku, "EU-1", 8);
        await inventory.ReceiveAsync(sku, "US-1", 9);
        var second = await erp.LedgerPageAsync(sku, after: first.NextCursor, limit: 3);
        var secondAgain = await erp.LedgerPageAsync(sku, after: first.NextCursor, limit: 3);
        var third = await erp.LedgerPageAsync(sku, after: second.NextCursor, limit: 3);

        var rows = first.Entries.Concat(second.Entries).Concat(third.Entries).ToList();
        Assert.Equal(Enumerable.Range(1, 9), rows.Select(r => r.Deltas.OnHand));
        Assert.Equal(rows.Select(r => r.Id).Order(), rows.Select(r => r.Id));
        Assert.Equal(9, rows.Select(r => r.Id).Distinct().Count());
        Assert.Equal(second.Entries.Select(r => r.Id), secondAgain.Entries.Select(r => r.Id));
        Assert.NotNull(first.NextCursor);
        Assert.NotNull(second.NextCursor);
        Assert.Null(third.NextCursor);

        var usRows = await erp.LedgerPageAsync(sku, "US-1");
        Assert.Equal([2, 4, 6, 9], usRows.Entries.Select(r => r.Deltas.OnHand));
        Assert.All(usRows.Entries, r => Assert.Equal((sku, "US-1"), (r.Sku, r.Location)));
        Assert.Null(usRows.NextCursor);
        Assert.Equal(rows.Select(r => r.Id), (await erp.LedgerPageAsync(sku)).Entries.Select(r => r.Id));
    }

    public static async Task MalformedLedgerQueriesAreProblems(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        string Cursor(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        foreach (var after in new[] { "not a cursor", "!!!", Cursor("v2:5"), Cursor("v1:-1"), Cursor("v1:"), Cursor("v1:99999999999999999999") })
        {
            var problem = await (await erp.LedgerAsync(after: after)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
            Assert.True(problem.GetProperty("errors").TryGetProperty("after", out _), $"after={after} names the field");
        }
        foreach (var limit in new[] { "0", "501", "-3" })
        {
            var problem = await (await erp.LedgerAsync(limit: limit)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
            Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _), $"limit={limit} names the field");
        }
        await (await erp.LedgerAsync(limit: "many")).AssertProblemAsync(HttpStatusCode.BadRequest);
        // A well-formed cursor past the end is no error: the page is empty.
        var past = await erp.LedgerPageAsync(after: Cursor("v1:" + long.MaxValue), limit: 1);
        Assert.Empty(past.Entries);
        Assert.Null(past.NextCursor);
    }

    public static async Task EveryLedgerRowNamesItsSourceAndAReplayAddsNone(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync();
        var reference = "ord-src-" + sku;
        (await erp.MoveAsync(sku, "EU-1", "receipt", 10, "k-move-" + sku)).EnsureSuccessStatusCode();
        (await erp.MoveAsync(sku, "US-1", "receipt", 10, "k-move-us-" + sku)).EnsureSuccessStatusCode();
        (await erp.ReserveAsync(reference, sku, "EU-1", 3, "k-res-eu-" + sku)).EnsureSuccessStatusCode();
        (await erp.ReserveAsync(reference, sku, "US-1", 2, "k-res-us-" + sku)).EnsureSuccessStatusCode();
        (await erp.ReleaseAsync(reference, "k-rel-" + sku)).EnsureSuccessStatusCode();
        var before = await erp.LedgerRowsAsync(sku);

        (await erp.MoveAsync(sku, "EU-1", "receipt", 10, "k-move-" + sku)).EnsureSuccessStatusCode();
        (await erp.ReserveAsync(reference, sku, "EU-1", 3, "k-res-eu-" + sku)).EnsureSuccessStatusCode();
        (await erp.ReleaseAsync(reference, "k-rel-" + sku)).EnsureSuccessStatusCode();
        var after = await erp.LedgerRowsAsync(sku);

        Assert.Equal(before.Select(r => r.Id), after.Select(r => r.Id));
        Assert.All(after, r => Assert.Equal("erp-api", r.SourceSystem));
        Assert.All(after, r => Assert.Equal(r.IdempotencyKey, r.SourceEventId));
        Assert.All(after, r => Assert.Null(r.SourceSequence));
        Assert.Equal(
            [
                ("receipt", "EU-1", "k-move-" + sku, (string?)null, 10, 0),
                ("receipt", "US-1", "k-move-us-" + sku, null, 10, 0),
                ("reservation", "EU-1", "k-res-eu-" + sku, reference, 0, 3),
                ("reservation", "US-1", "k-res-us-" + sku, reference, 0, 2),
                ("release", "EU-1", "k-rel-" + sku, reference, 0, -3),
                ("release", "US-1", "k-rel-" + sku, reference, 0, -2),
            ],
            after.Select(r => (r.MovementType, r.Location, r.SourceEventId, r.ReferenceDocument, r.Deltas.OnHand, r.Deltas.Reserved)));
    }
}
