using IntegrationGateway.TestSupport.Hostile;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.Gateway.Tests.Hostile;

/// <summary>
/// PostgreSQL cannot store a NUL in text (SQLite can), so the full run on PostgreSQL found NULs answered 500 or 503 at
/// every layer. A NUL is odd but not forbidden by the contracts: refused or stored, never a fault.
/// </summary>
public sealed class FoundByTheFullRunOnPostgresTests(PostgresStackFixture fixture) : IClassFixture<PostgresStackFixture>
{
    public static TheoryData<string, string, string, string> Requests => new()
    {
        { "a NUL inside a purchase order number", "POST /b2b/v1/orders", "purchaseOrderNumber", "\"A\\u0000B\"" },
        { "a NUL as the ship-to region of a B2B order", "POST /b2b/v1/orders", "shipToRegion", "\"A\\u0000B\"" },
        { "a NUL inside a process order reference", "POST /process/v1/orders", "orderRef", "\"A\\u0000B\"" },
        { "a NUL as the SKU of a stock count", "POST /process/v1/stock-counts", "sku", "\"\\u0000\"" },
        { "a NUL as the SKU of an ERP movement", "POST /system/erp/v1/movements", "sku", "\"\\u0000\"" },
        { "a NUL inside a pick refusal reason", "POST /system/wms/v1/picks/{id}/refuse", "reason", "\"A\\u0000B\"" },
        { "a NUL inside an item description", "PUT /system/erp/v1/items/{sku}", "description", "\"A\\u0000B\"" },
        { "a NUL as the channel of an availability query", "POST /process/v1/availability/query", "channel", "\"\\u0000\"" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public Task ANulInTextIsRefusedOrStoredButNeverAFaultOnPostgres(string why, string endpoint, string field, string json) =>
        FoundByTheFullRun.AssertAsync(fixture.Stack, why, endpoint, field, json, Expect.NoFault);
}
