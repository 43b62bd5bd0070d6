using System.Net;

namespace IntegrationGateway.ContractTool.Reports;

/// <summary>A self-contained HTML page (no scripts, no external styles) to attach to a build or open locally.</summary>
public static class HtmlReport
{
    public static void Write(Report report, TextWriter output)
    {
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        output.WriteLine($"<title>{E(report.Title)}</title>");
        output.WriteLine("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
            + ".ERR{color:#b00020;font-weight:bold}.WARN{color:#a15c00}.INFO{color:#555}code{font-size:90%}</style>");
        output.WriteLine("</head><body>");
        output.WriteLine($"<h1>{E(report.Title)}</h1>");
        if (report.Findings.Count == 0)
        {
            output.WriteLine($"<p>{E(report.WhenEmpty)}</p>");
        }
        else
        {
            var counts = string.Join(" | ", Levels.BySeverity.Select(level => $"<span class=\"{level.Label()}\">{report.Count(level)} {level.Label()}</span>"));
            output.WriteLine($"<p>{counts}{(report.Failed ? $" &mdash; fails at {report.FailOn.Label()}" : "")}</p>");
            output.WriteLine("<table><thead><tr><th>Level</th><th>Id</th><th>Operation</th><th>Message</th></tr></thead><tbody>");
            foreach (var finding in report.Findings)
            {
                var operation = finding.Operation.Length == 0 ? "(document)" : finding.Operation;
                output.WriteLine($"<tr><td class=\"{finding.Level.Label()}\">{finding.Level.Label()}</td><td><code>{E(finding.Id)}</code></td>"
                    + $"<td><code>{E(operation)}</code></td><td>{E(finding.Message)}</td></tr>");
            }
            output.WriteLine("</tbody></table>");
        }
        output.WriteLine("</body></html>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
