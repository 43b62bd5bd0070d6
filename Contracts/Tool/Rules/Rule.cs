using IntegrationGateway.ContractTool.Reports;

namespace IntegrationGateway.ContractTool.Rules;

/// <summary>
/// One check id the diff can report, with oasdiff's default level and a one-line description. Reason is set only
/// where the id or its level is not taken from oasdiff's rules catalogue, and says why.
/// </summary>
public sealed record Rule(string Id, Level Level, string Description, string? Reason);
