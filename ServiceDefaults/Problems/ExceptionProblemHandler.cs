using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IntegrationGateway.ServiceDefaults.Problems;

/// <summary>
/// The one place where exceptions become answers: a request the framework could not read is the caller's
/// fault (4xx); a dependency that is down is 503 with Retry-After; anything else is a 500 that leaks nothing.
/// </summary>
public sealed class ExceptionProblemHandler(IProblemDetailsService problems, ILogger<ExceptionProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                Problem.Details(413, ProblemTypes.PayloadTooLarge, "The request body is too large."),
            BadHttpRequestException bad => Unreadable(bad),
            _ when DependencyFailure.IsDependencyFailure(exception, httpContext.RequestAborted) =>
                Problem.Details(503, ProblemTypes.DependencyUnavailable, "A dependency is unavailable.",
                    "The request changed nothing that stays; retry after the Retry-After delay."),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem.Details(500, ProblemTypes.Unexpected, "An unexpected error occurred.");
        }
        else if (problem.Status == 503)
        {
            logger.LogWarning(exception, "Dependency failure for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = DependencyFailure.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    // A value of the wrong type or outside an enum ("type": "fax") is named like a validation failure, so a
    // caller finds the field the same way: "$.rules[0].stockPercent" is reported as "rules[0].stockPercent".
    private static Microsoft.AspNetCore.Mvc.ProblemDetails Unreadable(BadHttpRequestException bad)
    {
        var (detail, extensions) = ReadFailures.Describe(bad);
        return bad.StatusCode == StatusCodes.Status415UnsupportedMediaType
            ? Problem.Details(415, ProblemTypes.UnsupportedMediaType, "The body's media type is not supported.", detail)
            : Problem.Details(bad.StatusCode, ProblemTypes.MalformedRequest, "The request could not be read.", detail, extensions);
    }
}
