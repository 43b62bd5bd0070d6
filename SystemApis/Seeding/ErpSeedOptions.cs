namespace IntegrationGateway.SystemApis.Seeding;

/// <summary>Master data the ERP starts with ("Erp" section) and whether to add the demo catalogue.</summary>
public sealed class ErpSeedOptions
{
    public const string Section = "Erp";

    public List<LocationSeed> Locations { get; set; } = [];

    /// <summary>About 50 SKUs with stock at every location, a few of them scarce; only into an empty catalogue.</summary>
    public bool SeedDemoCatalogue { get; set; }

    public sealed class LocationSeed
    {
        public string Code { get; set; } = "";
        public string Region { get; set; } = "";
        public int Priority { get; set; }
    }
}
