namespace IntegrationGateway.ContractTool.Reports;

/// <summary>A report to paste into a pull request: a heading, the counts, then one table per level present.</summary>
public static class MarkdownReport
{
    public static void Write(Report report, TextWriter output)
    {
        output.WriteLine($"## {report.Title.ReplaceLineEndings(" ")}");
        output.WriteLine();
        if (report.Findings.Count == 0)
        {
            output.WriteLine(report.WhenEmpty);
            return;
        }

        output.WriteLine(string.Join(" | ", Levels.BySeverity.Select(level => $"**{report.Count(level)}** {level.Label()}")));
        foreach (var level in Levels.BySeverity.Where(level => report.Count(level) > 0))
        {
            output.WriteLine();
            output.WriteLine($"### {level.Label()} ({report.Count(level)}){(level >= report.FailOn ? ": fails" : string.Empty)}");
            output.WriteLine();
            output.WriteLine("| Id | Operation | Message |");
            output.WriteLine("| --- | --- | --- |");
            foreach (var finding in report.Findings.Where(f => f.Level == level))
            {
                output.WriteLine($"| `{finding.Id}` | {Code(finding.Operation)} | {Cell(finding.Message)} |");
            }
        }
    }

    // Inside a code span an entity would show literally, so only the cell-ending characters are escaped.
    private static string Code(string text) => text.Length == 0 ? "(document)" : $"`{Row(text)}`";

    // Outside code, a '<' could open an HTML tag and swallow the rest of the message.
    private static string Cell(string text) => Row(text).Replace("<", "&lt;", StringComparison.Ordinal);

    // A pipe ends a table cell even inside a code span, and a line break ends the row.
    private static string Row(string text) => text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
}
