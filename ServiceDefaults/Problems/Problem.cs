using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.ServiceDefaults.Problems;

/// <summary>Builds the problem details answers every service gives, so each has one stable shape.</summary>
public static class Problem
{
    public static IResult Result(int status, string type, string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(Details(status, type, title, detail, extensions));

    public static ProblemDetails Details(int status, string type, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                problem.Extensions[key] = value;
            }
        }
        return problem;
    }

    public static IResult Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is invalid.", type: ProblemTypes.Validation);

    public static IResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult NotFound(string detail) =>
        Result(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found.", detail);

    public static IResult IdempotencyKeyReused() =>
        Result(StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused,
            "The Idempotency-Key was already used with another request.",
            "Send a new Idempotency-Key for a different request; replay the original body to get the first answer.");
}
