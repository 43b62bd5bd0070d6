using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationGateway.ServiceDefaults.Problems;
using Refit;

namespace IntegrationGateway.ExperienceApis.Storefront;

/// <summary>
/// Passes the process API's refusals (4xx problem details, and 503 with its Retry-After) to the channel: they are
/// written for callers, but name the process API's own path in <c>instance</c>, which is not the caller's to see, so
/// that becomes the path the caller called. Any other failure, or a body that is not a problem, is this layer's 503.
/// </summary>
public static class ProcessAnswers
{
    public static IResult Relay(IApiResponse response, HttpContext context)
    {
        var status = (int?)response.StatusCode ?? 0;
        if (response.Error is not ApiException { Content: { Length: > 0 } body } || status is < 400 or > 599 || (status >= 500 && status != 503)
            || Parse(body) is not { } problem)
        {
            throw new DependencyUnavailableException("process API", status);
        }
        if (status == 503)
        {
            context.Response.Headers.RetryAfter = response.Headers?.RetryAfter?.Delta is { } delay
                ? ((int)delay.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : DependencyFailure.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        problem["instance"] = $"{context.Request.PathBase}{context.Request.Path}";
        return Results.Content(problem.ToJsonString(), "application/problem+json", System.Text.Encoding.UTF8, status);
    }

    private static JsonObject? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject { } problem && problem["type"] is JsonValue ? problem : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
