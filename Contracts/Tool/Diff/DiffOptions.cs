namespace IntegrationGateway.ContractTool.Diff;

/// <summary>How two documents are compared.</summary>
public sealed record DiffOptions
{
    /// <summary>The day against which x-sunset dates are judged (removal before sunset is breaking).</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Match operations across the version segment of their paths (/storefront/v1/x ~ /storefront/v2/x), to list
    /// what a new major version breaks. Null: decide from the documents (on when they share no path but would
    /// once the version segment is ignored).
    /// </summary>
    public bool? AcrossVersions { get; init; }
}
