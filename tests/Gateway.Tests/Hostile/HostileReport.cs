using System.Text;
using IntegrationGateway.TestSupport.Hostile;

namespace IntegrationGateway.Gateway.Tests.Hostile;

/// <summary>Appends one example of each kind of failure to the HOSTILE_REPORT file, to triage a full run.</summary>
public static class HostileReport
{
    private static readonly Lock Gate = new();

    public static void Record(string endpoint, int seed, IReadOnlyList<HostileResult> failures, string? diff)
    {
        if (HostileRun.ReportFile is not { } file || (failures.Count == 0 && diff is null))
        {
            return;
        }
        var text = new StringBuilder($"## {endpoint} (endpoint seed {seed}): {failures.Count} wrong\n");
        if (diff is not null)
        {
            text.Append($"STATE CHANGED:\n{diff}\n");
        }
        foreach (var group in failures.GroupBy(f => f.Kind))
        {
            var first = group.First();
            text.Append($"- {group.Count()}x {first.Failure}\n  {first.Request.Variant}\n  {first.Request.Describe().Replace("\n", "\n  ")}  -> {first.Status} {first.MediaType} {HostileRequest.Printable(first.Body, 300)}\n");
        }
        lock (Gate)
        {
            File.AppendAllText(file, text + "\n");
        }
    }
}
