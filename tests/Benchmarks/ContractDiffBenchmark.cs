using System.Diagnostics;
using IntegrationGateway.ContractTool.Diff;
using IntegrationGateway.ContractTool.Loading;
using IntegrationGateway.ContractTool.Reports;

namespace IntegrationGateway.Benchmarks;

/// <summary>
/// How long `contract diff` takes on two documents of 5,000 operations each: loading (parse and resolve) and the
/// comparison itself, timed apart because only the second is the diff engine's.
/// </summary>
public static class ContractDiffBenchmark
{
    private const int Runs = 3;

    public static async Task<string> RunAsync()
    {
        var baseText = SyntheticContract.Json(revision: false);
        var revisionText = SyntheticContract.Json(revision: true);

        var clock = Stopwatch.StartNew();
        var @base = await DocumentLoader.LoadTextAsync(baseText, "base");
        var revision = await DocumentLoader.LoadTextAsync(revisionText, "revision");
        var load = clock.Elapsed;

        IReadOnlyList<Finding> findings = [];
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < Runs; run++)
        {
            clock.Restart();
            findings = DiffEngine.Compare(@base, revision, new DiffOptions { Today = new DateOnly(2025, 6, 1) });
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        // The whole command as a reviewer runs it: read both files, diff, write the report.
        var folder = Directory.CreateTempSubdirectory("ig-diff-bench-").FullName;
        var baseFile = Path.Combine(folder, "base.json");
        var revisionFile = Path.Combine(folder, "revision.json");
        await File.WriteAllTextAsync(baseFile, baseText);
        await File.WriteAllTextAsync(revisionFile, revisionText);
        var command = TimeSpan.MaxValue;
        for (var run = 0; run < Runs; run++)
        {
            clock.Restart();
            await ContractTool.Cli.RunAsync(["diff", baseFile, revisionFile, "--format", "json"], TextWriter.Null, TextWriter.Null);
            command = clock.Elapsed < command ? clock.Elapsed : command;
        }
        // The same command as its own process, the way CI and a reviewer start it: runtime start and JIT included.
        var process = TimeSpan.MaxValue;
        for (var run = 0; run < Runs; run++)
        {
            clock.Restart();
            await RunToolAsync(baseFile, revisionFile);
            process = clock.Elapsed < process ? clock.Elapsed : process;
        }
        Directory.Delete(folder, recursive: true);

        var operations = SyntheticContract.Resources * SyntheticContract.OperationsPerResource;
        var levels = string.Join(", ", findings.GroupBy(f => f.Level).OrderByDescending(g => g.Key).Select(g => $"{g.Key.ToString().ToUpperInvariant()} {g.Count()}"));
        return string.Join("\n",
            $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, .NET {Environment.Version}, Release build; in-process `contract diff` with the JSON report.",
            "",
            "| scenario | operations (each) | JSON size (each) | load both ms | diff ms (best of 3) | whole `contract diff` ms (best of 3) | as a new process ms (best of 3) | findings |",
            "|---|---|---|---|---|---|---|---|",
            $"| contract diff | {operations} | {baseText.Length / 1024} KiB | {load.TotalMilliseconds:0} | {best.TotalMilliseconds:0} | {command.TotalMilliseconds:0} | {process.TotalMilliseconds:0} | {findings.Count} ({levels}) |");
    }

    private static async Task RunToolAsync(string baseFile, string revisionFile)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "IntegrationGateway.ContractTool.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { tool, "diff", baseFile, revisionFile, "--format", "json" })
        {
            start.ArgumentList.Add(argument);
        }
        using var child = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        // 1 is "breaking changes found", which the synthetic revision has; anything else means the run is no figure.
        if (child.ExitCode != 1)
        {
            throw new InvalidOperationException($"contract diff exited {child.ExitCode}: {await error}");
        }
        await output;
    }
}
