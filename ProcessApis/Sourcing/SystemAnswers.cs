using IntegrationGateway.ServiceDefaults.Problems;
using Refit;

namespace IntegrationGateway.ProcessApis.Sourcing;

/// <summary>
/// Turns a system API answer (ERP or WMS) that is neither success nor a refusal the caller handles into a dependency
/// failure (503 upstream).
/// </summary>
public static class SystemAnswers
{
    public static T Content<T>(IApiResponse<T> response, string system) =>
        response is { IsSuccessStatusCode: true, Content: { } content } ? content : throw Unavailable(response, system);

    public static DependencyUnavailableException Unavailable(IApiResponse response, string system) => new(system, (int?)response.StatusCode ?? 0);
}
