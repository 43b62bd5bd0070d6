using System.Text.Json.Nodes;

namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>One operation of a checked-in contract, with its parameters and request body resolved (no $ref left).</summary>
public sealed record ContractOperation(
    string Contract,
    string Method,
    string PathTemplate,
    string OperationId,
    IReadOnlyList<ContractParameter> Parameters,
    Schema? Body,
    JsonNode? BodyExample,
    bool Safe)
{
    /// <summary>How a test names the endpoint: "POST /storefront/v2/orders".</summary>
    public string Endpoint => $"{Method} {PathTemplate}";

    public override string ToString() => Endpoint;
}

public sealed record ContractParameter(string Name, string In, bool Required, Schema Schema);
