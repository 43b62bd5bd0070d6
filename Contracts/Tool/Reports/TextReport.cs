namespace IntegrationGateway.ContractTool.Reports;

/// <summary>One line per finding for a terminal, levels padded so ids line up, then the counts.</summary>
public static class TextReport
{
    public static void Write(Report report, TextWriter output)
    {
        foreach (var finding in report.Findings)
        {
            // A document-wide finding has no operation; a blank column would read as a doubled separator.
            var operation = finding.Operation.Length == 0 ? string.Empty : $"{finding.Operation}  ";
            output.WriteLine($"{finding.Level.Label(),-4} {finding.Id}  {operation}{finding.Message}");
        }

        output.WriteLine(Summary(report));
    }

    public static string Summary(Report report)
    {
        if (report.Findings.Count == 0)
        {
            return report.WhenEmpty;
        }

        var counts = string.Join(", ", Levels.BySeverity.Select(level => $"{report.Count(level)} {level.Label()}"));
        var noun = report.Findings.Count == 1 ? "finding" : "findings";
        return $"{report.Findings.Count} {noun}: {counts}";
    }
}
