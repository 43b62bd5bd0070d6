namespace IntegrationGateway.ContractTool.Reports;

/// <summary>How a report is written: for a terminal, a pull request, a tool, or a CI test view.</summary>
public enum ReportFormat
{
    Text,
    Markdown,
    Json,
    Junit,
}
