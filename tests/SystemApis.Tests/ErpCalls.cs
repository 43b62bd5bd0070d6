using System.Net.Http.Json;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.SystemApis.Tests;

/// <summary>The ERP calls the tests make, as the process API makes them.</summary>
public static class ErpCalls
{
    public static HttpClient Admin(this ServiceHost<SystemApisEntryPoint> erp) => erp.Client(TestTokens.Admin());

    public static Task<HttpResponseMessage> ReserveAsync(this HttpClient erp, string reference, string sku, string location, int quantity, string? key = null) =>
        erp.PostKeyedAsync("/system/erp/v1/reservations", new { reference, sku, location, quantity }, key);

    public static Task<HttpResponseMessage> ReleaseAsync(this HttpClient erp, string reference, string? key = null) =>
        erp.PostKeyedAsync("/system/erp/v1/reservations/release", new { reference }, key);

    /// <summary>Allocate or ship (<paramref name="step"/>) a reference's reservations of one SKU at one location.</summary>
    public static Task<HttpResponseMessage> FulfilAsync(this HttpClient erp, string step, string reference, string sku, string location, string? key = null) =>
        erp.PostKeyedAsync($"/system/erp/v1/reservations/{step}", new { reference, sku, location }, key);

    public static Task<HttpResponseMessage> ReleaseLineAsync(this HttpClient erp, string reference, string sku, string location, string? key = null) =>
        erp.PostKeyedAsync("/system/erp/v1/reservations/release", new { reference, sku, location }, key);

    /// <summary>Moves the active reservations of <paramref name="from"/> to <paramref name="to"/>, expecting exactly <paramref name="lines"/>.</summary>
    public static Task<HttpResponseMessage> TransferAsync(this HttpClient erp, string[] from, string to, (string Sku, string Location, int Quantity)[] lines, string? key = null) =>
        erp.PostKeyedAsync("/system/erp/v1/reservations/transfer",
            new { from, to, lines = lines.Select(l => new { sku = l.Sku, location = l.Location, quantity = l.Quantity }).ToArray() }, key);

    public static Task<HttpResponseMessage> CycleCountAsync(this HttpClient erp, string sku, string location, int countedOnHand, string? key = null) =>
        erp.PostKeyedAsync("/system/erp/v1/counts", new { sku, location, countedOnHand, referenceDocument = "CC-test" }, key);

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient erp, string sku, string location, string type, int quantity, string? key = null) =>
        erp.PostKeyedAsync("/system/erp/v1/movements", new { sku, location, type, quantity, reason = "test" }, key);

    /// <summary>Every stock.changed event of one balance, in feed order, paging the whole feed as the process API follows it.</summary>
    public static async Task<List<StockEvent>> StockEventsOfAsync(this HttpClient erp, string sku, string location)
    {
        var events = new List<StockEvent>();
        string? after = null;
        while (true)
        {
            var page = (await erp.GetFromJsonAsync<StockEventPage>($"/system/erp/v1/stock-events?limit=1000{(after is null ? "" : "&after=" + after)}"))!;
            events.AddRange(page.Events.Where(e => e.Sku == sku && e.Location == location));
            if (page.Events.Count == 0)
            {
                return events;
            }
            after = page.NextCursor;
        }
    }

    /// <summary>A movement with the fields only some types carry (toLocation, expectedAt, disposition, referenceDocument).</summary>
    public static Task<HttpResponseMessage> PostMovementAsync(this HttpClient erp, string sku, string location, string type, int quantity, string? toLocation = null,
        DateTimeOffset? expectedAt = null, string? disposition = null, string? referenceDocument = null, string? key = null) =>
        erp.PostKeyedAsync("/system/erp/v1/movements",
            new { sku, location, type, quantity, reason = "test", toLocation, expectedAt, disposition, referenceDocument }, key);

    public static Task<HttpResponseMessage> EventAsync(this HttpClient erp, string source, string eventId, long sequence, string sku, string location,
        string kind, int quantity, long? expectedVersion = null, string? key = null) =>
        erp.PostKeyedAsync("/system/erp/v1/events", new { source, eventId, sequence, sku, location, kind, quantity, expectedVersion, referenceDocument = "doc-" + eventId }, key);

    public static async Task<StaleEventPage> StaleEventsAsync(this HttpClient erp, string source, string? after = null, int limit = 100)
    {
        var response = await erp.GetAsync($"/system/erp/v1/events/stale?source={Uri.EscapeDataString(source)}&limit={limit}{(after is null ? "" : "&after=" + Uri.EscapeDataString(after))}");
        Assert.True(response.IsSuccessStatusCode, $"GET stale events answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<StaleEventPage>())!;
    }

    public static Task<HttpResponseMessage> LedgerAsync(this HttpClient erp, string? sku = null, string? location = null, string? after = null, string? limit = null)
    {
        var query = new[] { ("sku", sku), ("location", location), ("after", after), ("limit", limit) }
            .Where(p => p.Item2 is not null)
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}");
        return erp.GetAsync("/system/erp/v1/ledger?" + string.Join("&", query));
    }

    public static async Task<LedgerPage> LedgerPageAsync(this HttpClient erp, string? sku = null, string? location = null, string? after = null, int? limit = null)
    {
        var response = await erp.LedgerAsync(sku, location, after, limit?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(response.IsSuccessStatusCode, $"GET ledger answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<LedgerPage>())!;
    }

    /// <summary>Every ledger row of a SKU (and location), following the cursor to the end.</summary>
    public static async Task<List<LedgerEntry>> LedgerRowsAsync(this HttpClient erp, string sku, string? location = null)
    {
        var rows = new List<LedgerEntry>();
        string? after = null;
        do
        {
            var page = await erp.LedgerPageAsync(sku, location, after, limit: 500);
            rows.AddRange(page.Entries);
            after = page.NextCursor;
        }
        while (after is not null);
        return rows;
    }

    public static Task<HttpResponseMessage> RebuildAsync(this HttpClient erp, bool apply, string? key = null) =>
        erp.PostKeyedAsync("/system/erp/v1/admin/rebuild", new { apply }, key);

    public static async Task<RebuildReport> RebuildReportAsync(this HttpClient erp, bool apply)
    {
        var response = await erp.RebuildAsync(apply);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"POST rebuild answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<RebuildReport>())!;
    }

    public static async Task<HttpResponseMessage> PostKeyedAsync(this HttpClient client, string path, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key != "")
        {
            request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        }
        return await client.SendAsync(request);
    }
}
