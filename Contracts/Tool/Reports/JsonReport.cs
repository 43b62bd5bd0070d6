using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IntegrationGateway.ContractTool.Reports;

/// <summary>
/// For tools: {"findings":[{"id","level","operation","message"}],"counts":{"err","warn","info"},"failed"}. Property
/// names are part of the tool's contract, so they are written one by one rather than derived from type names.
/// </summary>
public static class JsonReport
{
    // The output goes to a file or a pipe, never into HTML, so quotes and '<' in messages stay readable.
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Report report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("id", finding.Id);
                json.WriteString("level", finding.Level.Label());
                json.WriteString("operation", finding.Operation);
                json.WriteString("message", finding.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("counts");
            foreach (var level in Levels.BySeverity)
            {
                json.WriteNumber(level.Label().ToLowerInvariant(), report.Count(level));
            }

            json.WriteEndObject();
            json.WriteBoolean("failed", report.Failed);
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
