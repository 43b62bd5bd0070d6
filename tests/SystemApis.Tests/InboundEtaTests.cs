using System.Net;
using System.Net.Http.Json;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.SystemApis.Balances;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.SystemApis.Tests;

/// <summary>The ETA of inbound units as balances report it, on every store the product supports.</summary>
public abstract class InboundEtaTests(ServiceHost<SystemApisEntryPoint> host)
{
    private static readonly DateTimeOffset December1 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset December10 = new(2026, 12, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset December20 = new(2026, 12, 20, 17, 45, 0, TimeSpan.Zero);

    private readonly HttpClient _erp = host.Admin();

    [Fact]
    public async Task PartialReceiptsConsumeTheEarliestPurchaseOrderFirst()
    {
        var sku = await new Inventory(_erp).NewSkuAsync();
        // Posted out of ETA order: the December 1 order arrives first all the same.
        await PostAsync(sku, "purchase-order", 10, December10);
        await PostAsync(sku, "purchase-order", 5, December1);
        await PostAsync(sku, "purchase-order", 4, December20);

        var etas = new List<(int Inbound, DateTimeOffset? Eta)> { await EuAsync(sku) };
        foreach (var received in new[] { 3, 2, 9, 1, 4 })
        {
            await PostAsync(sku, "purchase-receipt", received);
            etas.Add(await EuAsync(sku));
        }

        Assert.Equal([(19, December1), (16, December1), (14, December10), (5, December10), (4, December20), (0, null)], etas);
    }

    [Fact]
    public async Task AnOrderPlacedAfterAReceiptIsNotTakenAsReceivedByIt()
    {
        var sku = await new Inventory(_erp).NewSkuAsync();
        await PostAsync(sku, "purchase-order", 10, December20);
        await PostAsync(sku, "purchase-receipt", 6);
        await PostAsync(sku, "purchase-order", 3, December1);

        Assert.Equal((7, December1), await EuAsync(sku));
        await PostAsync(sku, "purchase-receipt", 3);
        Assert.Equal((4, December20), await EuAsync(sku));
    }

    [Fact]
    public async Task AnExcessReceiptLeavesNoEtaAndTheListReadReportsTheSame()
    {
        var sku = await new Inventory(_erp).NewSkuAsync(("US-1", 2));
        await PostAsync(sku, "purchase-order", 2, December10);
        var listed = (await _erp.GetFromJsonAsync<List<Balance>>($"/system/erp/v1/balances?sku={sku}"))!.ToDictionary(b => b.Location);
        await PostAsync(sku, "purchase-receipt", 5);

        Assert.Equal(December10, listed["EU-1"].InboundEta);
        Assert.Null(listed["US-1"].InboundEta);
        Assert.Equal((0, null), await EuAsync(sku));
        Assert.Equal(5, (await QueryAsync(sku)).Single(b => b.Location == "EU-1").OnHand);
    }

    [Fact]
    public async Task EachStockEventCarriesTheInboundEtaItsCommitMade()
    {
        var sku = await new Inventory(_erp).NewSkuAsync(("EU-1", 3));
        var told = new List<(int Inbound, DateTimeOffset? Eta)>();
        async Task PostAndReadAsync(string type, int quantity, DateTimeOffset? expectedAt = null)
        {
            await PostAsync(sku, type, quantity, expectedAt);
            var latest = (await _erp.StockEventsOfAsync(sku, "EU-1"))[^1];
            Assert.Equal(await EuAsync(sku), (latest.Inbound, latest.InboundEta));
            told.Add((latest.Inbound, latest.InboundEta));
        }

        await PostAndReadAsync("purchase-order", 4, December10);
        await PostAndReadAsync("purchase-order", 2, December1);
        // Moves no inbound units: the ETA is carried from the balance's previous event.
        await PostAndReadAsync("safety-stock", 1);
        await PostAndReadAsync("purchase-receipt", 2);
        await PostAndReadAsync("purchase-receipt", 4);

        Assert.Equal([(4, December10), (6, December1), (6, December1), (4, December10), (0, null)], told);
    }

    [Fact]
    public async Task ABalanceQueryOfNoneOrMoreThanAThousandSkusIsAValidationProblem()
    {
        await (await _erp.PostAsJsonAsync("/system/erp/v1/balances/query", new { skus = Array.Empty<string>() })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await _erp.PostAsJsonAsync("/system/erp/v1/balances/query", new { skus = Enumerable.Range(0, 1001).Select(i => $"SKU-{i}") }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await _erp.PostAsJsonAsync("/system/erp/v1/balances/query", new { skus = new[] { "SKU-1", " " } })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    private async Task<(int Inbound, DateTimeOffset? Eta)> EuAsync(string sku)
    {
        var balance = (await QueryAsync(sku)).Single(b => b.Location == "EU-1");
        return (balance.Inbound, balance.InboundEta);
    }

    private async Task<List<Balance>> QueryAsync(params string[] skus)
    {
        var response = await _erp.PostAsJsonAsync("/system/erp/v1/balances/query", new BalanceQuery { Skus = [.. skus] });
        Assert.True(response.IsSuccessStatusCode, $"POST balances/query answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<List<Balance>>())!;
    }

    private async Task PostAsync(string sku, string type, int quantity, DateTimeOffset? expectedAt = null) =>
        (await _erp.PostMovementAsync(sku, "EU-1", type, quantity, expectedAt: expectedAt)).EnsureSuccessStatusCode();
}

/// <summary>The replay alone: which purchase order each receipt consumed, without a store.</summary>
public sealed class InboundEtaReplayTests
{
    [Fact]
    public void OrdersOfTheSameEtaAreConsumedInPostingOrderAndAReceiptMayEmptySeveral()
    {
        var eta = new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);
        var later = eta.AddDays(2);
        InboundRow Order(long id, int quantity, DateTimeOffset at) => new() { Id = id, Delta = quantity, ExpectedAt = at.ToUnixTimeMilliseconds() };
        InboundRow Receipt(long id, int quantity) => new() { Id = id, Delta = -quantity };

        Assert.Equal(eta, InboundEtas.Earliest([Order(1, 2, eta), Order(2, 2, eta), Order(3, 5, later), Receipt(4, 3)]));
        Assert.Equal(later, InboundEtas.Earliest([Order(1, 2, eta), Order(2, 2, eta), Order(3, 5, later), Receipt(4, 4)]));
        Assert.Null(InboundEtas.Earliest([Order(1, 2, eta), Receipt(2, 2)]));
        Assert.Null(InboundEtas.Earliest([]));
    }
}

public sealed class InboundEtaOnSqliteTests(ErpOnSqliteFixture fixture) : InboundEtaTests(fixture.Erp), IClassFixture<ErpOnSqliteFixture>;

public sealed class InboundEtaOnPostgresTests(ErpOnPostgresFixture fixture) : InboundEtaTests(fixture.Erp), IClassFixture<ErpOnPostgresFixture>;
