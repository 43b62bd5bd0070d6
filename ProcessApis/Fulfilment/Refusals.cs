using System.Net;
using System.Text.Json;
using IntegrationGateway.ServiceDefaults.Problems;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;
using Refit;

namespace IntegrationGateway.ProcessApis.Fulfilment;

/// <summary>
/// A system API's refusal (404 or 409: the WMS says the pick shipped, the ERP has nothing allocated) is passed on to
/// our caller as it was given; anything else is the system being unavailable.
/// </summary>
public static class Refusals
{
    public static bool IsRefusal(IApiResponse response) => response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict;

    public static ProblemDetails Of(IApiResponse response, string system)
    {
        var status = (int?)response.StatusCode ?? 409;
        try
        {
            if (response.Error is ApiException { Content: { Length: > 0 } body } && JsonSerializer.Deserialize<ProblemDetails>(body, JsonSerializerOptions.Web) is { } problem)
            {
                problem.Status = status;
                problem.Instance = null;
                return problem;
            }
        }
        catch (JsonException)
        {
            // Not problem details after all; the generic answer below still says who refused.
        }
        return Problem.Details(status, status == 404 ? ProblemTypes.NotFound : ProblemTypes.InvalidState, $"The {system} refused the change.");
    }

    public static ProblemDetails InvalidState(string title, string detail) => Problem.Details(409, ProblemTypes.InvalidState, title, detail);
}
