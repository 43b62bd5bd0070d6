using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff.Schemas;

/// <summary>Keys a comparison by the identity of its two schema objects, not by their contents.</summary>
internal sealed class SchemaPairComparer : IEqualityComparer<(IOpenApiSchema, IOpenApiSchema, Direction)>
{
    public static readonly SchemaPairComparer Instance = new();

    public bool Equals((IOpenApiSchema, IOpenApiSchema, Direction) x, (IOpenApiSchema, IOpenApiSchema, Direction) y) =>
        ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2) && x.Item3 == y.Item3;

    public int GetHashCode((IOpenApiSchema, IOpenApiSchema, Direction) pair) =>
        HashCode.Combine(
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Item1),
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Item2),
            pair.Item3);
}
