using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace IntegrationGateway.TestSupport.Postgres;

/// <summary>Runs the PostgreSQL tools with a deadline and keeps their output for error messages.</summary>
public sealed partial class PostgresCluster
{
    private static async Task RunAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            // The service user cannot enter root's home, which is the usual current directory under CI.
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var commandLine = string.Join(' ', [fileName, .. arguments.Select(a => a.Contains(' ') ? $"\"{a}\"" : a)]);
        using var process = new Process { StartInfo = startInfo };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);

        try
        {
            process.Start();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Could not run `{commandLine}`: {ex.Message}", ex);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ProcessTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            TryKill(process);
            ct.ThrowIfCancellationRequested();
            throw new InvalidOperationException(
                $"`{commandLine}` did not finish within {ProcessTimeout.TotalSeconds:0} s.{Describe(stdout, stderr)}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{commandLine}` exited with code {process.ExitCode}.{Describe(stdout, stderr)}");
        }
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }

    private static string Describe(StringBuilder stdout, StringBuilder stderr)
    {
        string Text(StringBuilder b)
        {
            lock (b)
            {
                return b.ToString().TrimEnd();
            }
        }

        return $"{Environment.NewLine}--- stdout ---{Environment.NewLine}{Text(stdout)}" +
               $"{Environment.NewLine}--- stderr ---{Environment.NewLine}{Text(stderr)}";
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
