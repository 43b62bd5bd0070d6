using System.ComponentModel.DataAnnotations;

namespace IntegrationGateway.ExperienceApis.ReadModels;

/// <summary>How old a read model may grow before readiness says so ("ReadModels" section).</summary>
public sealed class ReadModelOptions
{
    public const string Section = "ReadModels";

    /// <summary>A channel's view older than this (<see cref="AvailabilityReadModel.Staleness"/>), or no word from the feed for this long, degrades /health.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(60);
}
