using System.Text.Json;

namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>What every answer to a hostile request must be; returns what was wrong, or null.</summary>
public static class AnswerCheck
{
    public const string ProductTypes = "https://integration-gateway.dev/problems/";

    /// <summary>Text that only an implementation detail would put in an answer, the folder the services run from among it.</summary>
    private static readonly string[] Leaks = ["System.", "Microsoft.", "IntegrationGateway.", "`1[", "`2[", "   at ", ".cs:line", "Exception:", "Npgsql", "SQLite Error",
        RepositoryRoot()];

    // The folder holding the solution: a source or content path in an answer would start with it.
    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder.Parent is not null && !File.Exists(Path.Combine(folder.FullName, "IntegrationGateway.sln")))
        {
            folder = folder.Parent;
        }
        return folder.FullName;
    }

    public static string? Problem(HostileRequest request, int status, string? mediaType, string body)
    {
        if (status >= 500)
        {
            return $"{status} for a client mistake";
        }
        if (status == 429)
        {
            return "429: the run was throttled, so the request was never judged (give each endpoint its own client)";
        }
        if (status < 400)
        {
            return request.Expect == Expect.Refused ? $"{status}: accepted a request that is invalid under the contract" : null;
        }
        if (request.BodylessAllowed && body.Length == 0)
        {
            return null;
        }
        if (mediaType != "application/problem+json")
        {
            return $"{status} with content type '{mediaType ?? "(none)"}' and {body.Length} bytes, not problem details";
        }
        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return $"{status} problem+json that is not JSON";
        }
        if (problem.ValueKind != JsonValueKind.Object)
        {
            return $"{status} problem+json that is not an object";
        }
        if (!problem.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !type.GetString()!.StartsWith(ProductTypes, StringComparison.Ordinal))
        {
            return $"{status} problem without the product's own type (type {(problem.TryGetProperty("type", out var t) ? t.ToString() : "absent")})";
        }
        if (!problem.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String || title.GetString()!.Length == 0)
        {
            return $"{status} problem without a title";
        }
        if (problem.TryGetProperty("status", out var said) && (said.ValueKind != JsonValueKind.Number || said.GetInt32() != status))
        {
            return $"{status} problem saying status {said}";
        }
        if (problem.TryGetProperty("instance", out var instance) && !IsCallersOwn(request.Target, instance.ToString()))
        {
            return $"{status} problem with instance '{instance}', not the caller's own path";
        }
        if (Leaks.FirstOrDefault(leak => body.Contains(leak, StringComparison.Ordinal)) is { } leaked)
        {
            return $"{status} problem leaking '{leaked}': {HostileRequest.Printable(body, 300)}";
        }
        // The failing field, or the property holding it (lines for lines[0].sku), as the contract spells it.
        if (status == 400 && request.Field is { } field && !field.Split('.', '[', ']').Where(p => p.Length > 0 && !p.All(char.IsDigit)).Any(p => body.Contains(p, StringComparison.Ordinal)))
        {
            return $"400 problem not naming the field '{field}'";
        }
        return null;
    }

    /// <summary>The instance names the API the caller called (its first two path segments, three for system APIs).</summary>
    private static bool IsCallersOwn(string target, string instance)
    {
        // Dot segments are removed before routing (RFC 3986 5.2.4), so "/a/../b" is a call to "/b".
        var path = new Uri(new Uri("http://caller"), target.Split('?')[0]).AbsolutePath;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var api = "/" + string.Join('/', segments.Take(segments.FirstOrDefault() == "system" ? 3 : 2)) + "/";
        return instance.StartsWith(api, StringComparison.Ordinal) || instance == path;
    }
}
