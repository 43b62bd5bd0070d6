using System.Text.Json.Nodes;
using IntegrationGateway.TestSupport.Hostile;

namespace IntegrationGateway.Gateway.Tests.Hostile;

/// <summary>Valid requests for every operation, made from the contract's own examples with this world's things in them.</summary>
public sealed partial class HostileWorld
{
    /// <summary>A valid request for the operation, from the contract's own example with this world's things in it.</summary>
    public RequestDraft ValidRequest(ContractOperation operation)
    {
        var draft = new RequestDraft { Method = operation.Method, PathTemplate = operation.PathTemplate };
        foreach (var parameter in operation.Parameters)
        {
            switch (parameter.In)
            {
                case "path":
                    draft.PathValues[parameter.Name] = Uri.EscapeDataString(PathValue(operation, parameter.Name));
                    break;
                case "query" when QueryValue(parameter.Name) is { } value:
                    draft.Query.Add(new(parameter.Name, Uri.EscapeDataString(value)));
                    break;
                case "header" when parameter.Name == HeaderMutations.IdempotencyKey:
                    draft.Headers.Add(new(parameter.Name, "hx-valid-" + Tag));
                    break;
            }
        }
        if (operation.BodyExample is { } example)
        {
            draft.BodyNode = Substitute(example.DeepClone());
            draft.BodyText = draft.BodyNode.ToJsonString();
            draft.ContentTypes.Add("application/json");
        }
        return draft;
    }

    private string PathValue(ContractOperation operation, string name) => (name, operation.PathTemplate.Split('/')[1], operation.PathTemplate) switch
    {
        ("sku", _, _) => Sku,
        ("cartId", _, _) => CartId,
        ("webhookId", "process", _) => WebhookIds[ChannelId],
        ("id", "storefront" or "marketplace" or "b2b", var p) when p.Contains("/webhooks/", StringComparison.Ordinal) => WebhookIds[p.Split('/')[1]],
        ("id", "storefront", _) => OrderIds["storefront"],
        ("id", "marketplace", _) => OrderIds["marketplace"],
        ("id", "b2b", _) => OrderIds["b2b"],
        ("id", "process", var p) when p.StartsWith("/process/v1/channels", StringComparison.Ordinal) => ChannelId,
        ("id", "process", var p) when p.StartsWith("/process/v1/picks", StringComparison.Ordinal) => ProcessPickId,
        ("id", "process", _) => OrderIds["process"],
        ("id", "system", _) => WmsPickId,
        _ => throw new InvalidOperationException($"No value for path parameter {name} of {operation}"),
    };

    private string? QueryValue(string name) => name switch
    {
        "sku" or "skus" => Sku,
        "channel" => "storefront",
        "cartId" => CartId,
        "limit" => "10",
        "location" => "EU-1",
        "reference" => WmsReference,
        "state" => "open",
        "source" => "wms-eu1",
        _ => null,
    };

    private JsonNode Substitute(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, value) in obj.ToList())
            {
                obj[name] = name switch
                {
                    "sku" => Sku,
                    "skus" => new JsonArray(Sku),
                    "toLocation" => "US-1",
                    "channel" => "storefront",
                    "cartId" => CartId,
                    "reference" => WmsReference,
                    "orderRef" or "marketplaceOrderId" or "purchaseOrderNumber" => "HX-" + Tag,
                    _ => value is null ? null : Substitute(value.DeepClone()),
                };
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                array[i] = array[i] is { } item ? Substitute(item.DeepClone()) : null;
            }
        }
        return node;
    }
}
