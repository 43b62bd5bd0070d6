using IntegrationGateway.ServiceDefaults.Problems;
using Refit;

namespace IntegrationGateway.ProcessApis.Fulfilment;

/// <summary>Turns a system API answer that is neither success nor a refusal we handle into a dependency failure (503 upstream).</summary>
public static class SystemAnswers
{
    public static T Content<T>(IApiResponse<T> response, string system) =>
        response is { IsSuccessStatusCode: true, Content: { } content } ? content : throw new DependencyUnavailableException(system, (int?)response.StatusCode ?? 0);
}
