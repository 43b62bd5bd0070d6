using System.Net;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.Gateway.Tests;

/// <summary>A stack whose ERP records the headers every request reached it with.</summary>
public sealed class RecordedStackFixture : IAsyncLifetime
{
    public RequestRecorder Erp { get; } = new();

    public Stack Stack { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Stack = Stack.Start(new StackOptions { ErpServices = Erp.Install });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Stack.DisposeAsync();
}

public sealed class TracingTests(RecordedStackFixture fixture) : IClassFixture<RecordedStackFixture>
{
    [Fact]
    public async Task TheCallersTraceIdReachesTheErpAndItsCorrelationIdIsEchoed()
    {
        var sku = await fixture.Stack.Inventory().NewSkuAsync(("EU-1", 2));
        var traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        // A cart's read asks the process API (and so the ERP) for the cart's own holds; other reads stop at the read model.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/storefront/v1/availability/{sku}?cartId=trace-cart");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        request.Headers.Add("X-Correlation-Id", "conn-42");

        var response = await fixture.Stack.StorefrontClient("tracer").SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("conn-42", response.Headers.GetValues("X-Correlation-Id").Single());
        var atErp = fixture.Erp.Requests.Where(r => r.CorrelationId == "conn-42").ToList();
        Assert.NotEmpty(atErp);
        Assert.All(atErp, r => Assert.Equal(traceId, r.TraceParent?.Split('-')[1]));
    }

    [Fact]
    public async Task ATraceIsStartedWhenTheCallerSentNone()
    {
        var sku = await fixture.Stack.Inventory().NewSkuAsync(("EU-1", 2));

        var response = await fixture.Stack.StorefrontClient("untraced").GetAsync($"/storefront/v1/availability/{sku}?cartId=untraced-cart");

        var correlation = response.Headers.GetValues("X-Correlation-Id").Single();
        var atErp = fixture.Erp.Requests.Where(r => r.CorrelationId == correlation).ToList();
        Assert.NotEmpty(atErp);
        // Without a caller's id the correlation id is the trace id the gateway started, seen by every layer.
        Assert.All(atErp, r => Assert.Equal(correlation, r.TraceParent?.Split('-')[1]));
    }
}
