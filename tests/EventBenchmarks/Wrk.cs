using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace IntegrationGateway.EventBenchmarks;

/// <summary>
/// wrk, out of process, with a script that sends each request with the next of many clients' tokens: the gateway's
/// limits are per client (100/s, burst 200), so the load is many clients, as in production, not one client throttled.
/// </summary>
public static class Wrk
{
    public sealed record Settings(int Threads, int Connections, int Seconds);

    public sealed record Result(double RequestsPerSecond, double P50, double P90, double P99, long Requests, long NotOk, string Errors);

    public static string WriteScript(string folder, IReadOnlyList<string> tokens)
    {
        var path = Path.Combine(folder, "tokens.lua");
        var lines = new List<string> { "local tokens = {" };
        lines.AddRange(tokens.Select(t => $"  \"{t}\","));
        lines.Add("}");
        lines.Add("""
            local requests = {}
            local next = 0
            init = function(args)
              for i, token in ipairs(tokens) do
                requests[i] = wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. token })
              end
              next = math.random(#requests) - 1
            end
            request = function()
              next = next % #requests + 1
              return requests[next]
            end
            """);
        File.WriteAllLines(path, lines);
        return path;
    }

    public static async Task<Result> RunAsync(Uri url, string script, Settings settings)
    {
        var start = new ProcessStartInfo("wrk")
        {
            ArgumentList = { "-t", settings.Threads.ToString(CultureInfo.InvariantCulture), "-c", settings.Connections.ToString(CultureInfo.InvariantCulture),
                "-d", $"{settings.Seconds}s", "--latency", "-s", script, url.ToString() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed: {output}{await process.StandardError.ReadToEndAsync()}");
        }
        return Parse(output);
    }

    public static Result Parse(string output)
    {
        double Percentile(string p) => Milliseconds(Regex.Match(output, $@"^\s*{p}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline));
        var rps = double.Parse(Regex.Match(output, @"Requests/sec:\s+([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var requests = long.Parse(Regex.Match(output, @"(\d+) requests in").Groups[1].Value, CultureInfo.InvariantCulture);
        var notOk = Regex.Match(output, @"Non-2xx or 3xx responses:\s+(\d+)") is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var errors = Regex.Match(output, @"Socket errors:.*") is { Success: true } e ? e.Value : "";
        return new Result(rps, Percentile("50"), Percentile("90"), Percentile("99"), requests, notOk, errors);
    }

    private static double Milliseconds(Match match)
    {
        if (!match.Success)
        {
            return double.NaN;
        }
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }
}
