using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.ProcessApis.Idempotency;

/// <summary>An answer to a keyed command and whether it is kept for replays (a caller's mistake is not).</summary>
public sealed record Answer(int StatusCode, string ContentType, object Body, IResult Result, bool Keep)
{
    public static Answer Json<T>(int statusCode, T body) where T : notnull =>
        new(statusCode, "application/json", body, TypedResults.Json(body, statusCode: statusCode), true);

    public static Answer Problem(ProblemDetails problem) =>
        new(problem.Status ?? 409, "application/problem+json", problem, TypedResults.Problem(problem), true);

    public static Answer Unkept(IResult result) => new(0, "", new object(), result, false);

    /// <summary>
    /// Work that stays was done and recovery finishes it: the key stays in progress until recovery stores the answer,
    /// so a retry gets that answer rather than running again.
    /// </summary>
    public static Answer Finishing(IResult result) => new(0, "", new object(), result, false) { KeepsKeyInProgress = true };

    public bool KeepsKeyInProgress { get; init; }
}
