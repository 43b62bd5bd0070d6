using Xunit.Abstractions;

namespace IntegrationGateway.Contracts.Tests.Diff;

public sealed class DiffCaseTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in DiffCase.All())
        {
            data.Add(c.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CaseReportsExactlyItsExpectedFindings(string name)
    {
        var @case = DiffCase.All().Single(c => c.Name == name);
        var findings = await @case.RunAsync();
        foreach (var finding in findings)
        {
            output.WriteLine($"{DiffCase.Line(finding)}  | {finding.Message}");
        }
        Assert.Equal(@case.Expected(), findings.Select(DiffCase.Line).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task PrecisionAndRecallOverAllCasesAreOneAndEveryIdIsExercised()
    {
        int truePositives = 0, reported = 0, expected = 0, cases = 0;
        var exercised = new HashSet<string>(StringComparer.Ordinal);
        foreach (var @case in DiffCase.All())
        {
            var wanted = @case.Expected().ToList();
            var findings = await @case.RunAsync();
            exercised.UnionWith(findings.Select(f => f.Id));
            var actual = findings.Select(DiffCase.Line).ToList();
            reported += actual.Count;
            expected += wanted.Count;
            cases++;
            foreach (var line in actual)
            {
                // Multiset intersection: a line matches at most one expected line.
                if (wanted.Remove(line))
                {
                    truePositives++;
                }
            }
        }
        var precision = reported == 0 ? 1.0 : (double)truePositives / reported;
        var recall = expected == 0 ? 1.0 : (double)truePositives / expected;
        output.WriteLine($"{cases} cases, {expected} expected findings, {reported} reported, {truePositives} matched");
        output.WriteLine($"precision {precision:F3}, recall {recall:F3}");
        output.WriteLine($"{exercised.Count} of {ContractTool.Rules.RuleCatalog.All.Count} catalogue ids exercised");
        Assert.True(cases >= 150, $"only {cases} cases");
        Assert.Equal(1.0, precision);
        Assert.Equal(1.0, recall);
        // Every id the tool can report is reported, with its level, by at least one labelled pair.
        Assert.Equal(ContractTool.Rules.RuleCatalog.All.Select(r => r.Id).Order(StringComparer.Ordinal), exercised.Order(StringComparer.Ordinal));
    }
}
