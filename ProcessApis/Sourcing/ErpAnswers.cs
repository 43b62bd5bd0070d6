using IntegrationGateway.ServiceDefaults.Problems;
using Refit;

namespace IntegrationGateway.ProcessApis.Sourcing;

/// <summary><see cref="SystemAnswers"/> for the ERP, the system most calls go to.</summary>
public static class ErpAnswers
{
    public static T Content<T>(IApiResponse<T> response) => SystemAnswers.Content(response, "ERP");

    public static DependencyUnavailableException Unavailable(IApiResponse response) => SystemAnswers.Unavailable(response, "ERP");
}
