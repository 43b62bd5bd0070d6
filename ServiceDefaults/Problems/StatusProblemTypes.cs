using Microsoft.AspNetCore.Http;

namespace IntegrationGateway.ServiceDefaults.Problems;

/// <summary>
/// Our own problem type for each status the framework answers by itself (a 405 from routing, a 415 from body
/// binding, a 404 for an unknown path): clients branch on one family of types, never on the RFC's section links.
/// </summary>
public static class StatusProblemTypes
{
    public static string? For(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ProblemTypes.MalformedRequest,
        StatusCodes.Status401Unauthorized => ProblemTypes.Unauthorized,
        StatusCodes.Status403Forbidden => ProblemTypes.Forbidden,
        StatusCodes.Status404NotFound => ProblemTypes.RouteNotFound,
        StatusCodes.Status405MethodNotAllowed => ProblemTypes.MethodNotAllowed,
        StatusCodes.Status406NotAcceptable => ProblemTypes.NotAcceptable,
        StatusCodes.Status413PayloadTooLarge => ProblemTypes.PayloadTooLarge,
        StatusCodes.Status414UriTooLong => ProblemTypes.UriTooLong,
        StatusCodes.Status415UnsupportedMediaType => ProblemTypes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ProblemTypes.RateLimited,
        StatusCodes.Status431RequestHeaderFieldsTooLarge => ProblemTypes.HeadersTooLarge,
        StatusCodes.Status503ServiceUnavailable => ProblemTypes.DependencyUnavailable,
        >= 500 => ProblemTypes.Unexpected,
        _ => null,
    };

    /// <summary>True for a type the framework filled in (absent, or a link to an RFC section).</summary>
    public static bool IsFrameworkDefault(string? type) =>
        type is null || type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal) || type.StartsWith("https://datatracker.ietf.org/", StringComparison.Ordinal);
}
