using System.ComponentModel.DataAnnotations;

namespace IntegrationGateway.ServiceDefaults.Storage;

/// <summary>Where a service keeps its own schema. Bound from the "Storage" section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public SqlProvider Provider { get; set; } = SqlProvider.Sqlite;

    [Required]
    public string ConnectionString { get; set; } = "";
}
