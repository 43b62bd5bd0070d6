namespace IntegrationGateway.ContractTool.Reports;

/// <summary>How much a finding matters, with oasdiff's names: ERR breaks clients, WARN may, INFO does not.</summary>
public enum Level
{
    Info = 0,
    Warn = 1,
    Err = 2,
}
