using IntegrationGateway.ServiceDefaults.Problems;
using Refit;

namespace IntegrationGateway.ProcessApis.Sourcing;

/// <summary>Turns an ERP answer that is neither success nor a refusal we handle into a dependency failure (503 upstream).</summary>
public static class ErpAnswers
{
    public static T Content<T>(IApiResponse<T> response) =>
        response is { IsSuccessStatusCode: true, Content: { } content } ? content : throw Unavailable(response);

    public static DependencyUnavailableException Unavailable(IApiResponse response) => new("ERP", (int?)response.StatusCode ?? 0);
}
