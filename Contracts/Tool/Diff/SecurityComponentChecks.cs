using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff;

/// <summary>The security schemes declared under components: added, removed, or changed in type or OAuth URLs.</summary>
internal static class SecurityComponentChecks
{
    public static void Compare(FindingSink sink, OpenApiDocument @base, OpenApiDocument revision)
    {
        var before = Schemes(@base);
        var after = Schemes(revision);
        foreach (var name in after.Keys.Except(before.Keys).Order(StringComparer.Ordinal))
        {
            sink.Add("api-security-component-added", $"the security scheme {name} was added");
        }
        foreach (var (name, scheme) in before.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!after.TryGetValue(name, out var revised))
            {
                sink.Add("api-security-component-removed", $"the security scheme {name} was removed");
                continue;
            }
            if (scheme.Type != revised.Type)
            {
                sink.Add("api-security-component-type-changed", $"the type of the security scheme {name} changed from {scheme.Type} to {revised.Type}");
            }
            foreach (var (flow, from, to) in Flows(scheme, revised))
            {
                if (from?.AuthorizationUrl != to?.AuthorizationUrl && from is not null && to is not null)
                {
                    sink.Add("api-security-component-oauth-url-changed", $"the authorizationUrl of the {flow} flow of {name} changed");
                }
                if (from?.TokenUrl != to?.TokenUrl && from is not null && to is not null)
                {
                    sink.Add("api-security-component-oauth-token-url-changed", $"the tokenUrl of the {flow} flow of {name} changed");
                }
            }
        }
    }

    private static Dictionary<string, IOpenApiSecurityScheme> Schemes(OpenApiDocument document)
    {
        var schemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        foreach (var (name, scheme) in document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>())
        {
            schemes[name] = scheme;
        }
        return schemes;
    }

    private static IEnumerable<(string Flow, OpenApiOAuthFlow? From, OpenApiOAuthFlow? To)> Flows(IOpenApiSecurityScheme @base, IOpenApiSecurityScheme revision)
    {
        yield return ("implicit", @base.Flows?.Implicit, revision.Flows?.Implicit);
        yield return ("password", @base.Flows?.Password, revision.Flows?.Password);
        yield return ("clientCredentials", @base.Flows?.ClientCredentials, revision.Flows?.ClientCredentials);
        yield return ("authorizationCode", @base.Flows?.AuthorizationCode, revision.Flows?.AuthorizationCode);
    }
}
