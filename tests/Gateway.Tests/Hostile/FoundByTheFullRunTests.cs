using IntegrationGateway.TestSupport.Hostile;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.Gateway.Tests.Hostile;

/// <summary>Wrong answers only the full hostile run (1,000 per endpoint) drew, kept as single requests so the test command catches them again.</summary>
public sealed class FoundByTheFullRunTests(SqliteStackFixture fixture) : IClassFixture<SqliteStackFixture>
{
    public static TheoryData<string, string, string, string, Expect> Requests => new()
    {
        // A line or paragraph separator is text, not an outage of the ERP.
        { "a referenceDocument of one U+2028", "POST /process/v1/stock-counts", "referenceDocument", "\"\u2028\"", Expect.NoFault },
        { "a referenceDocument of one U+2029", "POST /process/v1/stock-counts", "referenceDocument", "\"\u2029\"", Expect.NoFault },
        { "a referenceDocument of one U+0085", "POST /process/v1/stock-counts", "referenceDocument", "\"\u0085\"", Expect.NoFault },
        { "an empty skuClass (pattern ^[a-z0-9-]{1,32}$)", "PUT /system/erp/v1/items/{sku}", "skuClass", "\"\"", Expect.Refused },
        { "a movement type with a leading space", "POST /system/erp/v1/movements", "type", "\" receipt\"", Expect.Refused },
        { "a movement type with a trailing space", "POST /system/erp/v1/movements", "type", "\"receipt \"", Expect.Refused },
        { "an integer for the sourcing strategy enum", "PUT /process/v1/channels/{id}", "sourcingStrategy", "0", Expect.Refused },
        { "a channel type with a leading space", "PUT /process/v1/channels/{id}", "type", "\" storefront\"", Expect.Refused },
        // An optional enum may be null (the contracts say so through allOf, as a $ref cannot carry nullable in 3.0).
        { "a null sourcing strategy", "PUT /process/v1/channels/{id}", "sourcingStrategy", "null",
            ContractCatalogue.Find("PUT /process/v1/channels/{id}").Body!.Properties.Single(p => p.Name == "sourcingStrategy").Schema.Nullable ? Expect.NoFault : Expect.Refused },
        { "a null disposition", "POST /system/erp/v1/movements", "disposition", "null",
            ContractCatalogue.Find("POST /system/erp/v1/movements").Body!.Properties.Single(p => p.Name == "disposition").Schema.Nullable ? Expect.NoFault : Expect.Refused },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public Task AValueTheFullRunFoundIsAnsweredAsTheContractSays(string why, string endpoint, string field, string json, Expect expect) =>
        FoundByTheFullRun.AssertAsync(fixture.Stack, why, endpoint, field, json, expect);
}
