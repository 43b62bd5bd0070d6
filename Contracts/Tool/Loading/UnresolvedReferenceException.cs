namespace IntegrationGateway.ContractTool.Loading;

/// <summary>A $ref that points nowhere: comparing around it would report silence where a schema is missing.</summary>
public sealed class UnresolvedReferenceException(string document, IReadOnlyList<string> references)
    : Exception($"{document}: cannot resolve {string.Join(", ", references.Select(r => $"'{r}'"))}")
{
    public IReadOnlyList<string> References { get; } = references;
}
