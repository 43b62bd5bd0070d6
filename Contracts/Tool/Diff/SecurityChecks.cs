using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff;

/// <summary>
/// Security requirements are alternatives: a client may satisfy any one of them. oasdiff's catalogue rates every
/// security change INFO; the message still says when an operation that allowed anonymous calls stops allowing
/// them, and a levels file raises what a project treats as breaking (this repository's CI raises removals and
/// new scopes, see Contracts/Tool/governance-levels.txt).
/// </summary>
internal static class SecurityChecks
{
    private const string Anonymous = "";

    public static void CompareDocument(FindingSink sink, OpenApiDocument @base, OpenApiDocument revision) =>
        Compare(sink, "api-global-security", @base.Security, revision.Security);

    /// <summary>Operations that both inherit the document's requirements are covered by the document's finding.</summary>
    public static void CompareOperation(FindingSink sink, OperationEntry @base, OperationEntry revision, DiffContext context)
    {
        if (@base.Operation.Security is null && revision.Operation.Security is null)
        {
            return;
        }
        Compare(sink, "api-security", @base.Operation.Security ?? context.Base.Security, revision.Operation.Security ?? context.Revision.Security);
    }

    private static void Compare(FindingSink sink, string prefix, IList<OpenApiSecurityRequirement>? @base, IList<OpenApiSecurityRequirement>? revision)
    {
        var before = Alternatives(@base);
        var after = Alternatives(revision);
        var lockedOut = before.ContainsKey(Anonymous) && !after.ContainsKey(Anonymous);
        if (lockedOut)
        {
            sink.Add("api-anonymous-access-removed", "calls without credentials are no longer accepted");
        }
        foreach (var (key, _) in after.Where(a => a.Key != Anonymous && !before.ContainsKey(a.Key)))
        {
            sink.Add($"{prefix}-added",
                lockedOut ? $"the security requirement {key} was added and anonymous calls are no longer allowed" : $"the security requirement {key} was added");
        }
        foreach (var (key, _) in before.Where(b => b.Key != Anonymous && !after.ContainsKey(b.Key)))
        {
            sink.Add($"{prefix}-removed", $"the security requirement {key} was removed");
        }
        foreach (var (key, schemes) in before.Where(b => after.ContainsKey(b.Key)))
        {
            foreach (var (scheme, scopes) in schemes)
            {
                var revised = after[key][scheme];
                foreach (var scope in revised.Except(scopes).Order(StringComparer.Ordinal))
                {
                    sink.Add($"{prefix}-scope-added", $"the scope {scope} was added to the security scheme {scheme}");
                }
                foreach (var scope in scopes.Except(revised).Order(StringComparer.Ordinal))
                {
                    sink.Add($"{prefix}-scope-removed", $"the scope {scope} was removed from the security scheme {scheme}");
                }
            }
        }
    }

    /// <summary>Each alternative keyed by its schemes ("apiKey + bearer"); no requirement at all means anonymous.</summary>
    private static Dictionary<string, Dictionary<string, HashSet<string>>> Alternatives(IList<OpenApiSecurityRequirement>? requirements)
    {
        var alternatives = new Dictionary<string, Dictionary<string, HashSet<string>>>(StringComparer.Ordinal);
        if (requirements is null || requirements.Count == 0)
        {
            alternatives[Anonymous] = [];
            return alternatives;
        }
        foreach (var requirement in requirements)
        {
            var schemes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var (scheme, scopes) in requirement)
            {
                schemes[scheme.Reference?.Id ?? scheme.Name ?? "?"] = new HashSet<string>(scopes, StringComparer.Ordinal);
            }
            alternatives.TryAdd(string.Join(" + ", schemes.Keys.Order(StringComparer.Ordinal)), schemes);
        }
        return alternatives;
    }
}
