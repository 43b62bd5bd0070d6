using System.Text.Encodings.Web;
using System.Text.Json;
using IntegrationGateway.ContractTool.Reports;

namespace IntegrationGateway.ContractTool.Rules;

/// <summary>`contract diff --list-rules`: the catalogue for a reviewer (text or markdown) or a tool (json).</summary>
public static class RuleList
{
    public static void Write(ReportFormat format, TextWriter output)
    {
        var rules = RuleCatalog.All;
        switch (format)
        {
            case ReportFormat.Json:
                output.WriteLine(JsonSerializer.Serialize(
                    rules.Select(r => new Dictionary<string, string?> { ["id"] = r.Id, ["level"] = r.Level.Label(), ["description"] = r.Description, ["reason"] = r.Reason }),
                    new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                return;
            case ReportFormat.Markdown:
                output.WriteLine("| Id | Level | Description | Differs from oasdiff's catalogue because |");
                output.WriteLine("| --- | --- | --- | --- |");
                foreach (var rule in rules)
                {
                    output.WriteLine($"| `{rule.Id}` | {rule.Level.Label()} | {rule.Description} | {rule.Reason} |");
                }
                output.WriteLine();
                output.WriteLine($"{rules.Count} rules");
                return;
            default:
                var width = rules.Max(r => r.Id.Length);
                foreach (var rule in rules)
                {
                    var reason = rule.Reason is null ? "" : $" [not oasdiff's: {rule.Reason}]";
                    output.WriteLine($"{rule.Level.Label(),-4} {rule.Id.PadRight(width)}  {rule.Description}{reason}");
                }
                output.WriteLine($"{rules.Count} rules");
                return;
        }
    }
}
