using IntegrationGateway.TestSupport.Hostile;

namespace IntegrationGateway.Gateway.Tests.Hostile;

public sealed record HostileResult(HostileRequest Request, int Status, string? MediaType, string Body, string? Failure)
{
    /// <summary>Failures of one kind: the same complaint about the same mutation, whatever values it drew.</summary>
    public string Kind => $"{Request.Variant.Split(' ', 2)[1].Split(" (")[0]} | {Failure?.Split(':')[0]}";
}
