using System.Text.Json;

namespace IntegrationGateway.Contracts.Tests.Cli;

/// <summary>
/// What the diff command does around the comparison: a $ref that leads nowhere stops it with exit 3, external
/// files are followed, a document the reader finds fault with is still compared (with warnings), and a levels
/// file moves an id's level or drops it.
/// </summary>
public sealed class ReferenceAndLevelsTests : IDisposable
{
    private const string WithOrder = """
        openapi: 3.1.0
        info: { title: orders, version: "1.0" }
        paths:
          /shop/v1/orders:
            post:
              requestBody: { required: true, content: { application/json: { schema: { $ref: "REF" } } } }
              responses: { "201": { description: created } }
        components:
          schemas:
            Order: { type: object, properties: { ref: { type: string } } }
        """;

    private readonly TempContracts _files = new();

    [Theory]
    [InlineData("#/components/schemas/Missing")]
    [InlineData("shared.yaml#/components/schemas/Order")]
    [InlineData("present.yaml#/components/schemas/Missing")]
    public async Task AReferenceThatCannotBeResolvedIsAnErrorOfItsOwn(string reference)
    {
        _files.Write("present.yaml", WithOrder.Replace("REF", "#/components/schemas/Order"));
        var good = _files.Write("good.yaml", WithOrder.Replace("REF", "#/components/schemas/Order"));
        var bad = _files.Write("bad.yaml", WithOrder.Replace("REF", reference));

        var run = await CliRun.RunAsync("diff", good, bad);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("cannot resolve", run.Error);
        Assert.Contains(reference, run.Error);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task ARelativeExternalReferenceIsFollowed()
    {
        _files.Write("shared.yaml", WithOrder.Replace("properties: { ref: { type: string } }", "required: [ref, total], properties: { ref: { type: string }, total: { type: number } }").Replace("REF", "#/components/schemas/Order"));
        var local = _files.Write("local.yaml", WithOrder.Replace("REF", "#/components/schemas/Order"));
        var external = _files.Write("external.yaml", WithOrder.Replace("REF", "shared.yaml#/components/schemas/Order"));

        var run = await CliRun.RunAsync("diff", local, external, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var ids = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.Equal(["new-required-request-property", "request-property-became-required"], ids);
    }

    [Fact]
    public async Task AnInvalidDocumentIsComparedWithWarnings()
    {
        var good = _files.Write("good.yaml", WithOrder.Replace("REF", "#/components/schemas/Order"));
        // A discriminator whose property is not required is invalid; the change is still found.
        var invalid = _files.Write("invalid.yaml", WithOrder.Replace("REF", "#/components/schemas/Order")
            .Replace("Order: { type: object,", "Order: { type: object, discriminator: { propertyName: kind },"));

        var run = await CliRun.RunAsync("diff", good, invalid);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("contract: warning: ", run.Error);
        Assert.Contains("request-body-discriminator-added", run.Output);
    }

    [Fact]
    public async Task ALevelsFileRaisesLowersAndDropsIds()
    {
        var good = _files.Write("good.yaml", WithOrder.Replace("REF", "#/components/schemas/Order"));
        var changed = _files.Write("changed.yaml", WithOrder.Replace("REF", "#/components/schemas/Order")
            .Replace("properties: { ref: { type: string } }", "properties: { ref: { type: string, maxLength: 10 }, note: { type: string } }"));
        var levels = _files.Write("levels.txt", "# project levels\nrequest-property-max-length-set ERR\nnew-optional-request-property NONE\n");

        var plain = await CliRun.RunAsync("diff", good, changed);
        var raised = await CliRun.RunAsync("diff", good, changed, "--levels", levels);

        Assert.Equal(0, plain.ExitCode);
        Assert.Contains("WARN request-property-max-length-set", plain.Output);
        Assert.Contains("INFO new-optional-request-property", plain.Output);
        Assert.Equal(1, raised.ExitCode);
        Assert.Contains("ERR  request-property-max-length-set", raised.Output);
        Assert.DoesNotContain("new-optional-request-property", raised.Output);
    }

    [Fact]
    public async Task ALevelsFileNamingAnUnknownIdIsAUsageError()
    {
        var good = _files.Write("good.yaml", WithOrder.Replace("REF", "#/components/schemas/Order"));
        var levels = _files.Write("levels.txt", "request-property-max-length-grew ERR\n");

        var run = await CliRun.RunAsync("diff", good, good, "--levels", levels);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown id 'request-property-max-length-grew'", run.Error);
    }

    public void Dispose() => _files.Dispose();
}
