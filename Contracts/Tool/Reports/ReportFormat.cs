namespace IntegrationGateway.ContractTool.Reports;

/// <summary>How a report is written: for a terminal, a pull request, a tool, a CI test view, a browser, or GitHub annotations.</summary>
public enum ReportFormat
{
    Text,
    Markdown,
    Json,
    Junit,
    Html,
    GithubActions,
}
