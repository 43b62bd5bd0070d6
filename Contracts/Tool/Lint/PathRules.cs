using System.Text.RegularExpressions;
using IntegrationGateway.ContractTool.Reports;

namespace IntegrationGateway.ContractTool.Lint;

/// <summary>Paths name their API and major version first, and read as lowercase kebab-case.</summary>
public static partial class PathRules
{
    public const string PathVersionMissing = "path-version-missing";
    public const string PathNotKebabCase = "path-not-kebab-case";

    public static IEnumerable<Finding> Check(LintedOperation operation)
    {
        if (!VersionedPrefix().IsMatch(operation.Path))
        {
            yield return new Finding(PathVersionMissing, Level.Err, operation.Label,
                "the path does not start /{api}/v{major}/ (for example /storefront/v1/...), so versions cannot live side by side");
        }

        var offending = operation.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(segment => !Parameter().IsMatch(segment) && !KebabCase().IsMatch(segment))
            .ToList();
        if (offending.Count > 0)
        {
            yield return new Finding(PathNotKebabCase, Level.Err, operation.Label,
                $"{string.Join(", ", offending.Select(s => $"'{s}'"))} {(offending.Count == 1 ? "is" : "are")} not lowercase kebab-case");
        }
    }

    // One or more lowercase API segments (/system/erp), then the major version.
    [GeneratedRegex("^/(?:[a-z][a-z0-9-]*/)+v[0-9]+(?:/|$)")]
    private static partial Regex VersionedPrefix();

    [GeneratedRegex("^\\{[^{}/]+\\}$")]
    private static partial Regex Parameter();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
