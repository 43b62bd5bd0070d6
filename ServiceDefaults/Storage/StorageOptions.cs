using System.ComponentModel.DataAnnotations;

namespace IntegrationGateway.ServiceDefaults.Storage;

/// <summary>Where a service keeps its own schema. Bound from the "Storage" section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public SqlProvider Provider { get; set; } = SqlProvider.Sqlite;

    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>How often PostgreSQL tables are checked for growth that outdates the planner's statistics (<see cref="GrowingTableStatistics"/>); zero turns it off.</summary>
    public TimeSpan AnalyzeGrowingTablesEvery { get; set; } = TimeSpan.FromSeconds(5);
}
