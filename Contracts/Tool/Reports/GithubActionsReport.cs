namespace IntegrationGateway.ContractTool.Reports;

/// <summary>
/// GitHub Actions workflow commands: one annotation per finding (ERR as error, WARN as warning, INFO as notice),
/// then the summary line. Data and properties are escaped as the runner requires, so a message cannot end the
/// command early or inject another.
/// </summary>
public static class GithubActionsReport
{
    public static void Write(Report report, TextWriter output)
    {
        foreach (var finding in report.Findings)
        {
            var command = finding.Level switch
            {
                Level.Err => "error",
                Level.Warn => "warning",
                _ => "notice",
            };
            var text = finding.Operation.Length == 0 ? finding.Message : $"{finding.Operation}: {finding.Message}";
            output.WriteLine($"::{command} title={Property(finding.Id)}::{Data(text)}");
        }
        output.WriteLine(TextReport.Summary(report));
    }

    private static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
