using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.SystemApis.Idempotency;

/// <summary>An answer as it is stored beside its Idempotency-Key, so a replay returns exactly the first answer.</summary>
public sealed record StoredAnswer(int StatusCode, string ContentType, string Body)
{
    public static StoredAnswer Json<T>(int statusCode, T body) =>
        new(statusCode, "application/json", JsonSerializer.Serialize(body, JsonSerializerOptions.Web));

    public static StoredAnswer Problem(ProblemDetails problem) =>
        new(problem.Status ?? 400, "application/problem+json", JsonSerializer.Serialize(problem, JsonSerializerOptions.Web));

    public IResult ToResult() => Results.Content(Body, ContentType, System.Text.Encoding.UTF8, StatusCode);
}
