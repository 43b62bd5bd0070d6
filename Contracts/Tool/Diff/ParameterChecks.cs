using IntegrationGateway.ContractTool.Diff.Schemas;
using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff;

/// <summary>
/// Parameters as the operation sees them: the path item's, overridden by the operation's own. Path parameters
/// pair by position in the template, so renaming {id} to {orderId} is no change; header names ignore case.
/// </summary>
internal static class ParameterChecks
{
    public static void Compare(FindingSink sink, OperationEntry @base, OperationEntry revision, DiffContext context)
    {
        var before = Effective(@base);
        var after = Effective(revision);
        foreach (var (key, parameter) in after)
        {
            if (before.ContainsKey(key))
            {
                continue;
            }
            if (parameter.In == ParameterLocation.Path)
            {
                sink.Add("new-request-path-parameter", $"added the {Describe(parameter)}");
            }
            else
            {
                sink.Add(parameter.Required ? "new-required-request-parameter" : "new-optional-request-parameter",
                    $"added the {(parameter.Required ? "required" : "optional")} {Describe(parameter)}");
            }
        }
        foreach (var (key, parameter) in before)
        {
            if (after.TryGetValue(key, out var revised))
            {
                CompareOne(sink, parameter, revised, context);
            }
            else
            {
                Removed(sink, parameter, context.Today);
            }
        }
    }

    private static void CompareOne(FindingSink sink, IOpenApiParameter @base, IOpenApiParameter revision, DiffContext context)
    {
        var what = Describe(revision);
        if (@base.Required != revision.Required)
        {
            sink.Add(revision.Required ? "request-parameter-became-required" : "request-parameter-became-optional",
                $"the {what} became {(revision.Required ? "required" : "optional")}");
        }
        ParameterLifecycle.Compare(sink, @base, revision, what, context.Today);
        var changes = context.Schemas.Compare(SchemaOf(@base), SchemaOf(revision), Direction.Request);
        SchemaFindings.Report(sink, () => SchemaSite.Parameter(Location(revision), revision.Name ?? ""), changes);
    }

    private static void Removed(FindingSink sink, IOpenApiParameter parameter, DateOnly today)
    {
        var what = Describe(parameter);
        var sunset = Sunset.Of(parameter.Extensions);
        switch (Retirements.Judge(parameter.Deprecated, sunset, today))
        {
            case Retirement.WithoutDeprecation:
                sink.Add("request-parameter-removed", $"removed the {what}");
                break;
            case Retirement.SunsetUnreadable:
                sink.Add("request-parameter-sunset-parse", $"removed the {what} but its sunset date '{sunset.Text}' cannot be read");
                break;
            case Retirement.BeforeSunset:
                sink.Add("request-parameter-removed-before-sunset", $"removed the {what} before its sunset date {sunset.Text}");
                break;
            default:
                sink.Add("request-parameter-removed-with-deprecation", $"removed the deprecated {what}");
                break;
        }
    }

    private static Dictionary<string, IOpenApiParameter> Effective(OperationEntry entry)
    {
        var template = TemplateNames(entry.Path);
        var parameters = new Dictionary<string, IOpenApiParameter>(StringComparer.Ordinal);
        foreach (var parameter in (entry.PathItem.Parameters ?? []).Concat(entry.Operation.Parameters ?? []))
        {
            var resolved = References.Resolve(parameter);
            parameters[Key(resolved, template)] = resolved;
        }
        return parameters;
    }

    private static string Key(IOpenApiParameter parameter, List<string> template)
    {
        var name = parameter.Name ?? "";
        return parameter.In switch
        {
            ParameterLocation.Path when template.IndexOf(name) is var index and >= 0 => $"path#{index}",
            ParameterLocation.Header => $"header:{name.ToLowerInvariant()}",
            _ => $"{Location(parameter)}:{name}",
        };
    }

    private static List<string> TemplateNames(string path)
    {
        var names = new List<string>();
        for (var start = path.IndexOf('{'); start >= 0; start = path.IndexOf('{', start + 1))
        {
            var end = path.IndexOf('}', start);
            if (end < 0)
            {
                break;
            }
            names.Add(path[(start + 1)..end]);
        }
        return names;
    }

    /// <summary>A parameter described by content instead of schema carries its schema in its one media type.</summary>
    private static IOpenApiSchema? SchemaOf(IOpenApiParameter parameter) =>
        parameter.Schema ?? parameter.Content?.Values.FirstOrDefault()?.Schema;

    public static string Location(IOpenApiParameter parameter) => parameter.In?.ToString().ToLowerInvariant() ?? "unknown";

    public static string Describe(IOpenApiParameter parameter) => $"{Location(parameter)} request parameter {parameter.Name}";
}
