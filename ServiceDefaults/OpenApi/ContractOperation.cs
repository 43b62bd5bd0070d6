using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationGateway.ServiceDefaults.OpenApi;

/// <summary>
/// The operationId an endpoint has in its contract. Endpoint names must be unique in a service, but the same
/// operation keeps its operationId in every version's document (GetStockLevel in storefront v1 and v2).
/// </summary>
public sealed record ContractOperation(string OperationId)
{
    public static string? Of(IEnumerable<object> endpointMetadata) =>
        endpointMetadata.OfType<ContractOperation>().LastOrDefault()?.OperationId
        ?? endpointMetadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
}

public static class ContractOperationExtensions
{
    public static RouteHandlerBuilder WithContractOperation(this RouteHandlerBuilder builder, string operationId) =>
        builder.WithMetadata(new ContractOperation(operationId));
}
