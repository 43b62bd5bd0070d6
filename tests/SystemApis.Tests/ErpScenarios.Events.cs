using System.Net;
using System.Text.Json;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.SystemApis.Tests;

/// <summary>Inbound events from source systems: applied once, in each source's order, counts never touching commitments.</summary>
public static partial class ErpScenarios
{
    /// <summary>Every bucket of a balance and its version, to compare exactly before and after.</summary>
    private static async Task<(int OnHand, int Reserved, int Allocated, int Damaged, int Inspection, int Available, long Version)> BucketsAsync(
        Inventory inventory, string sku, string location)
    {
        var b = await inventory.BalanceAsync(sku, location);
        return (b.OnHand, b.Reserved, b.Allocated, b.Damaged, b.Inspection, b.Available, b.Version);
    }

    /// <summary>A source name of the test's own, so its sequences and stale events meet no other test's.</summary>
    private static string SourceFor(string sku, string prefix = "wms") => prefix + "-" + sku[2..].ToLowerInvariant();

    public static async Task AnEventDeliveredFiveTimesAtOnceIsAppliedOnce(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 10));
        var source = SourceFor(sku);
        var before = await BucketsAsync(inventory, sku, "EU-1");

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => erp.EventAsync(source, "rcpt-1", 1, sku, "EU-1", "receipt", 5)));
        var bodies = await Task.WhenAll(answers.Select(a => a.JsonAsync(HttpStatusCode.Created)));
        var later = await (await erp.EventAsync(source, "rcpt-1", 1, sku, "EU-1", "receipt", 5)).JsonAsync(HttpStatusCode.Created);
        var other = await (await erp.EventAsync(source, "rcpt-1", 1, sku, "EU-1", "receipt", 6)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "event-id-reused");

        Assert.Equal((10, 0, 0, 0, 0, 10), (before.OnHand, before.Reserved, before.Allocated, before.Damaged, before.Inspection, before.Available));
        Assert.All(bodies.Append(later), b => Assert.Equal(bodies[0].GetRawText(), b.GetRawText()));
        Assert.Equal("applied", bodies[0].GetProperty("outcome").GetString());
        Assert.Equal(15, bodies[0].GetProperty("balance").GetProperty("onHand").GetInt32());
        Assert.Equal((15, 0, 0, 0, 0, 15, before.Version + 1), await BucketsAsync(inventory, sku, "EU-1"));
        var row = Assert.Single(await erp.LedgerRowsAsync(sku, "EU-1"), r => r.SourceSystem == source);
        Assert.Equal((bodies[0].GetProperty("ledgerEntryId").GetInt64(), "receipt", "rcpt-1", 1L, "doc-rcpt-1", 5, 0),
            (row.Id, row.MovementType, row.SourceEventId, row.SourceSequence, row.ReferenceDocument, row.Deltas.OnHand, row.Deltas.Reserved));
        Assert.NotNull(other.GetProperty("detail").GetString());
    }

    public static async Task AnOlderEventIsRecordedAsStaleAndNeverOverwritesNewerState(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 10));
        var source = SourceFor(sku);

        (await erp.EventAsync(source, "count-3", 3, sku, "EU-1", "on-hand-count", 7)).EnsureSuccessStatusCode();
        var afterThree = await BucketsAsync(inventory, sku, "EU-1");
        var older = await (await erp.EventAsync(source, "rcpt-2", 2, sku, "EU-1", "receipt", 5)).AssertProblemAsync(HttpStatusCode.Conflict, "stale-event");
        var same = await (await erp.EventAsync(source, "adj-3b", 3, sku, "EU-1", "adjustment", 1)).AssertProblemAsync(HttpStatusCode.Conflict, "stale-event");
        // Redelivered under a new key, a stale event is still refused and still recorded once.
        await (await erp.EventAsync(source, "rcpt-2", 2, sku, "EU-1", "receipt", 5)).AssertProblemAsync(HttpStatusCode.Conflict, "stale-event");
        var afterStale = await BucketsAsync(inventory, sku, "EU-1");
        var four = await (await erp.EventAsync(source, "adj-4", 4, sku, "EU-1", "adjustment", -2)).JsonAsync(HttpStatusCode.Created);

        Assert.Equal((7, 0, 0, 0, 0, 7), (afterThree.OnHand, afterThree.Reserved, afterThree.Allocated, afterThree.Damaged, afterThree.Inspection, afterThree.Available));
        Assert.Equal(afterThree, afterStale);
        Assert.Equal((2L, 3L), (older.GetProperty("sequence").GetInt64(), older.GetProperty("appliedSequence").GetInt64()));
        Assert.Equal(3L, same.GetProperty("appliedSequence").GetInt64());
        Assert.Equal((5, 0, 5, afterThree.Version + 1), (four.GetProperty("balance").GetProperty("onHand").GetInt32(),
            four.GetProperty("balance").GetProperty("reserved").GetInt32(), four.GetProperty("balance").GetProperty("available").GetInt32(),
            four.GetProperty("balance").GetProperty("version").GetInt64()));
        Assert.Equal([("receipt", "erp-api", (long?)null, 10), ("on-hand-count", source, 3L, -3), ("adjustment", source, 4L, -2)],
            (await erp.LedgerRowsAsync(sku, "EU-1")).Select(r => (r.MovementType, r.SourceSystem, r.SourceSequence, r.Deltas.OnHand)));

        var first = await erp.StaleEventsAsync(source, limit: 1);
        var second = await erp.StaleEventsAsync(source, first.NextCursor, limit: 1);
        Assert.Null(second.NextCursor);
        Assert.Equal(
            [(source, "rcpt-2", 2L, sku, "EU-1", InventoryEventKind.Receipt, 5, 3L), (source, "adj-3b", 3L, sku, "EU-1", InventoryEventKind.Adjustment, 1, 3L)],
            first.Events.Concat(second.Events).Select(e => (e.Source, e.EventId, e.Sequence, e.Sku, e.Location, e.Kind, e.Quantity, e.SupersededBySequence)));
        Assert.All(first.Events, e => Assert.True(e.ReceivedAt > DateTimeOffset.UtcNow.AddMinutes(-5)));
    }

    public static async Task SequencesAreIndependentPerSourceAndPerBalance(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 10), ("US-1", 10));
        var other = await inventory.NewSkuAsync(("EU-1", 10));
        var wms = SourceFor(sku);
        var batch = SourceFor(sku, "batch");

        (await erp.EventAsync(wms, "w-10", 10, sku, "EU-1", "receipt", 1)).EnsureSuccessStatusCode();
        (await erp.EventAsync(batch, "b-1", 1, sku, "EU-1", "receipt", 2)).EnsureSuccessStatusCode();
        (await erp.EventAsync(wms, "w-us-1", 1, sku, "US-1", "receipt", 3)).EnsureSuccessStatusCode();
        (await erp.EventAsync(wms, "w-other-1", 1, other, "EU-1", "receipt", 4)).EnsureSuccessStatusCode();
        await (await erp.EventAsync(wms, "w-5", 5, sku, "EU-1", "receipt", 100)).AssertProblemAsync(HttpStatusCode.Conflict, "stale-event");
        (await erp.EventAsync(batch, "b-2", 2, sku, "EU-1", "adjustment", -1)).EnsureSuccessStatusCode();

        Assert.Equal((12, 0, 0, 0, 0, 12), Head(await BucketsAsync(inventory, sku, "EU-1")));
        Assert.Equal((13, 0, 0, 0, 0, 13), Head(await BucketsAsync(inventory, sku, "US-1")));
        Assert.Equal((14, 0, 0, 0, 0, 14), Head(await BucketsAsync(inventory, other, "EU-1")));
        Assert.Equal(["w-5"], (await erp.StaleEventsAsync(wms)).Events.Select(e => e.EventId));
        Assert.Empty((await erp.StaleEventsAsync(batch)).Events);
    }

    public static async Task ACountSetsOnHandAndNeverSubtractsOpenReservationsAgain(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 10));
        var source = SourceFor(sku);
        (await erp.ReserveAsync("ord-count-" + sku, sku, "EU-1", 4)).EnsureSuccessStatusCode();
        var before = await BucketsAsync(inventory, sku, "EU-1");

        var counted = await (await erp.EventAsync(source, "cc-1", 1, sku, "EU-1", "on-hand-count", 7)).JsonAsync(HttpStatusCode.Created);

        Assert.Equal((10, 4, 0, 0, 0, 6), Head(before));
        Assert.Equal((7, 4, 0, 0, 0, 3, before.Version + 1), await BucketsAsync(inventory, sku, "EU-1"));
        var row = Assert.Single(await erp.LedgerRowsAsync(sku, "EU-1"), r => r.MovementType == "on-hand-count");
        Assert.Equal(counted.GetProperty("ledgerEntryId").GetInt64(), row.Id);
        Assert.Equal((-3, 0, 0, 0, 0), (row.Deltas.OnHand, row.Deltas.Reserved, row.Deltas.Allocated, row.Deltas.Damaged, row.Deltas.Inspection));
        Assert.Equal((source, "cc-1", 1L, "doc-cc-1"), (row.SourceSystem, row.SourceEventId, row.SourceSequence, row.ReferenceDocument));
        Assert.DoesNotContain((await erp.RebuildReportAsync(apply: false)).Differences, d => d.Sku == sku);
    }

    public static async Task ACountAtAnotherVersionIsAConflictAndChangesNothing(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 10));
        var source = SourceFor(sku);
        (await erp.ReserveAsync("ord-cas-" + sku, sku, "EU-1", 2)).EnsureSuccessStatusCode();
        var before = await BucketsAsync(inventory, sku, "EU-1");

        var conflict = await (await erp.EventAsync(source, "cc-1", 1, sku, "EU-1", "on-hand-count", 8, expectedVersion: before.Version - 1))
            .AssertProblemAsync(HttpStatusCode.Conflict, "version-conflict");
        var unchanged = await BucketsAsync(inventory, sku, "EU-1");
        // The refusal advanced nothing: the same event id and sequence apply once the version is right.
        var applied = await (await erp.EventAsync(source, "cc-1", 1, sku, "EU-1", "on-hand-count", 8, expectedVersion: before.Version))
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal((10, 2, 0, 0, 0, 8), Head(before));
        Assert.Equal((before.Version, before.Version - 1), (conflict.GetProperty("currentVersion").GetInt64(), conflict.GetProperty("expectedVersion").GetInt64()));
        Assert.Equal(before, unchanged);
        Assert.Equal(before.Version + 1, applied.GetProperty("balance").GetProperty("version").GetInt64());
        Assert.Equal((8, 2, 0, 0, 0, 6, before.Version + 1), await BucketsAsync(inventory, sku, "EU-1"));
        Assert.Single(await erp.LedgerRowsAsync(sku, "EU-1"), r => r.SourceSystem == source);
    }

    public static async Task ACountBelowCommittedStockIsRefused(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 10));
        var source = SourceFor(sku);
        (await erp.ReserveAsync("ord-short-" + sku, sku, "EU-1", 6)).EnsureSuccessStatusCode();
        var before = await BucketsAsync(inventory, sku, "EU-1");

        var refused = await (await erp.EventAsync(source, "cc-1", 1, sku, "EU-1", "on-hand-count", 5)).AssertProblemAsync(HttpStatusCode.Conflict, "stock-committed");
        var unchanged = await BucketsAsync(inventory, sku, "EU-1");
        var exact = await (await erp.EventAsync(source, "cc-2", 1, sku, "EU-1", "on-hand-count", 6)).JsonAsync(HttpStatusCode.Created);

        Assert.Equal((10, 6, 0, 0, 0, 4), Head(before));
        Assert.Equal((10, 6), (refused.GetProperty("onHand").GetInt32(), refused.GetProperty("committed").GetInt32()));
        Assert.Equal(before, unchanged);
        Assert.Equal(6, exact.GetProperty("balance").GetProperty("onHand").GetInt32());
        Assert.Equal((6, 6, 0, 0, 0, 0, before.Version + 1), await BucketsAsync(inventory, sku, "EU-1"));
    }

    public static async Task InvalidEventsAreProblemsAndChangeNothing(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 3));
        var source = SourceFor(sku);
        var before = await BucketsAsync(inventory, sku, "EU-1");
        var ledgerBefore = (await erp.LedgerRowsAsync(sku)).Count;

        async Task FieldAsync(HttpResponseMessage response, string field)
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{problem} names {field}");
        }
        await FieldAsync(await erp.EventAsync(source, "e1", 1, sku, "EU-1", "teleport", 1), "kind");
        await FieldAsync(await erp.EventAsync(source, "e2", 1, sku, "EU-1", "on-hand-count", -1), "quantity");
        await FieldAsync(await erp.EventAsync(source, "e3", 1, sku, "EU-1", "adjustment", 0), "quantity");
        await FieldAsync(await erp.EventAsync(source, "e4", 1, sku, "EU-1", "receipt", -2), "quantity");
        await FieldAsync(await erp.EventAsync("WMS EU", "e5", 1, sku, "EU-1", "receipt", 1), "source");
        await FieldAsync(await erp.EventAsync("", "e6", 1, sku, "EU-1", "receipt", 1), "source");
        await FieldAsync(await erp.EventAsync("erp-api", "e7", 1, sku, "EU-1", "receipt", 1), "source");
        await FieldAsync(await erp.EventAsync(source, "e8", -1, sku, "EU-1", "receipt", 1), "sequence");
        await FieldAsync(await erp.EventAsync(source, "", 1, sku, "EU-1", "receipt", 1), "eventId");
        await (await erp.EventAsync(source, "e9", 1, sku, "EU-1", "receipt", 1, key: "")).AssertProblemAsync(HttpStatusCode.BadRequest, "idempotency-key-missing");
        await (await erp.EventAsync(source, "e10", 1, "NO-SUCH", "EU-1", "receipt", 1)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await erp.EventAsync(source, "e11", 1, sku, "MARS-1", "receipt", 1)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await FieldAsync(await erp.GetAsync($"/system/erp/v1/events/stale?source={source}&after=not-a-cursor"), "after");
        await FieldAsync(await erp.GetAsync($"/system/erp/v1/events/stale?limit=501"), "limit");

        Assert.Equal(before, await BucketsAsync(inventory, sku, "EU-1"));
        Assert.Equal(ledgerBefore, (await erp.LedgerRowsAsync(sku)).Count);
        Assert.Empty((await erp.StaleEventsAsync(source)).Events);
        // Nothing refused above held the sequence or the event ids: the first valid event applies.
        (await erp.EventAsync(source, "e10", 1, sku, "EU-1", "receipt", 1)).EnsureSuccessStatusCode();
    }

    private static (int, int, int, int, int, int) Head((int OnHand, int Reserved, int Allocated, int Damaged, int Inspection, int Available, long Version) b) =>
        (b.OnHand, b.Reserved, b.Allocated, b.Damaged, b.Inspection, b.Available);
}
