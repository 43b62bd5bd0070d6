using IntegrationGateway.ServiceDefaults.Problems;
using Refit;

namespace IntegrationGateway.ExperienceApis.Storefront;

/// <summary>
/// Passes the process API's refusals (4xx problem details, and 503 with its Retry-After) to the channel as
/// they are: they are already written for callers. Any other failure becomes this layer's own 503.
/// </summary>
public static class ProcessAnswers
{
    public static IResult Relay(IApiResponse response, HttpContext context)
    {
        var status = (int?)response.StatusCode ?? 0;
        if (response.Error is not ApiException { Content: { Length: > 0 } body } || status is < 400 or > 599 || (status >= 500 && status != 503))
        {
            throw new DependencyUnavailableException("process API", status);
        }
        if (status == 503)
        {
            context.Response.Headers.RetryAfter = response.Headers?.RetryAfter?.Delta is { } delay
                ? ((int)delay.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : DependencyFailure.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return Results.Content(body, "application/problem+json", System.Text.Encoding.UTF8, status);
    }
}
