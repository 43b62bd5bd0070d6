namespace IntegrationGateway.ContractTool.Reports;

/// <summary>
/// What one run of the tool found, ready to be written in any format: findings ordered most severe first (the
/// producer's order kept within a level), the level at which a finding fails the run, and the words for an empty run.
/// </summary>
public sealed class Report
{
    public Report(string title, IEnumerable<Finding> findings, Level failOn, string whenEmpty)
    {
        Title = title;
        Findings = [.. findings.OrderByDescending(f => f.Level)];
        FailOn = failOn;
        WhenEmpty = whenEmpty;
    }

    /// <summary>"contract lint openapi/system-erp-v1.json"; a heading for humans, the suite name for CI.</summary>
    public string Title { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public Level FailOn { get; }

    public string WhenEmpty { get; }

    public bool Failed => Findings.Any(Fails);

    public bool Fails(Finding finding) => finding.Level >= FailOn;

    public int Count(Level level) => Findings.Count(f => f.Level == level);
}
