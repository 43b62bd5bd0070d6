namespace IntegrationGateway.ContractTool.Reports;

/// <summary>Writes a report in the chosen format; every format shows the same findings and counts.</summary>
public static class ReportWriter
{
    // By name only: Enum.TryParse would also take "1" for markdown.
    public static bool TryParseFormat(string text, out ReportFormat format)
    {
        foreach (var candidate in Enum.GetValues<ReportFormat>())
        {
            if (string.Equals(text, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }

    public static void Write(Report report, ReportFormat format, TextWriter output)
    {
        switch (format)
        {
            case ReportFormat.Markdown:
                MarkdownReport.Write(report, output);
                break;
            case ReportFormat.Json:
                JsonReport.Write(report, output);
                break;
            case ReportFormat.Junit:
                JunitReport.Write(report, output);
                break;
            case ReportFormat.Html:
                HtmlReport.Write(report, output);
                break;
            case ReportFormat.GithubActions:
                GithubActionsReport.Write(report, output);
                break;
            default:
                TextReport.Write(report, output);
                break;
        }
    }
}
