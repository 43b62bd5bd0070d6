namespace IntegrationGateway.ProcessApis.Backorders;

public sealed class BackorderOptions
{
    public const string Section = "Backorders";

    /// <summary>How often waiting units look for arrived stock; a fill can also be asked for at once (POST /backorders/fill).</summary>
    public TimeSpan FillInterval { get; set; } = TimeSpan.FromSeconds(5);
}
