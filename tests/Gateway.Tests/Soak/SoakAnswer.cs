using System.Text.Json;

namespace IntegrationGateway.Gateway.Tests.Soak;

/// <summary>One HTTP answer, read in full: its status, its body and, for a problem, the last segment of its type.</summary>
public sealed record SoakAnswer(int Status, string Body, JsonElement? Json, string? ProblemType)
{
    /// <summary>"201", or "409 insufficient-stock" for a problem.</summary>
    public string Outcome => ProblemType is null ? Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Status} {ProblemType}";

    public string? Id => Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("id", out var id) ? id.GetString() : null;

    public string? State => Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("state", out var state) ? state.GetString() : null;

    public override string ToString() => $"{Status} {Body}";

    public static async Task<SoakAnswer> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            JsonElement? json = null;
            try
            {
                json = body.Length > 0 ? JsonDocument.Parse(body).RootElement.Clone() : null;
            }
            catch (JsonException)
            {
                // Kept as text: the status check reports it.
            }
            var problemType = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                && json is { ValueKind: JsonValueKind.Object } problem && problem.TryGetProperty("type", out var type)
                ? type.GetString()?.Split('/')[^1]
                : null;
            return new SoakAnswer((int)response.StatusCode, body, json, problemType);
        }
    }
}
