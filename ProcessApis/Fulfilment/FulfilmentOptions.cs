namespace IntegrationGateway.ProcessApis.Fulfilment;

public sealed class FulfilmentOptions
{
    public const string Section = "Fulfilment";

    /// <summary>How often the ERP is asked for reservations a count took back that no one has re-sourced yet.</summary>
    public TimeSpan ShortSweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longer than resolving one short reservation may take, so only a claim left by a crash is taken over.</summary>
    public TimeSpan ClaimStaleAfter { get; set; } = TimeSpan.FromMinutes(1);
}
