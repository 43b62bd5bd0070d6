using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace IntegrationGateway.TestSupport.Postgres;

/// <summary>Finds the server binaries and the user that may run them.</summary>
public sealed partial class PostgresCluster
{
    private static string ResolveBinDirectory()
    {
        var searched = new List<string>();

        var fromEnvironment = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            // An explicit choice must not silently fall back to some other installation.
            return HasServerBinaries(fromEnvironment)
                ? fromEnvironment
                : throw MissingBinaries([$"PG_BIN={fromEnvironment}"]);
        }

        searched.Add(DefaultBinDirectory);
        if (HasServerBinaries(DefaultBinDirectory))
        {
            return DefaultBinDirectory;
        }

        var fromPgConfig = PgConfigBinDirectory();
        if (fromPgConfig is not null)
        {
            searched.Add($"pg_config --bindir => {fromPgConfig}");
            if (HasServerBinaries(fromPgConfig))
            {
                return fromPgConfig;
            }
        }

        var pgCtl = FindOnPath("pg_ctl");
        if (pgCtl is not null)
        {
            var directory = Path.GetDirectoryName(pgCtl)!;
            searched.Add($"PATH => {directory}");
            if (HasServerBinaries(directory))
            {
                return directory;
            }
        }
        else
        {
            searched.Add("pg_ctl on PATH: none");
        }

        throw MissingBinaries(searched);
    }

    private static InvalidOperationException MissingBinaries(IEnumerable<string> searched) =>
        new("PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found; integration tests need them. " +
            $"Searched: {string.Join("; ", searched)}. Install the PostgreSQL server or set PG_BIN to its bin directory.");

    private static bool HasServerBinaries(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) &&
        File.Exists(Path.Combine(directory, "pg_ctl")) &&
        File.Exists(Path.Combine(directory, "postgres"));

    private static string? PgConfigBinDirectory()
    {
        var pgConfig = FindOnPath("pg_config");
        if (pgConfig is null)
        {
            return null;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo(pgConfig, "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            return process.WaitForExit(ProcessTimeout) && process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string FindRunuser() =>
        FindOnPath("runuser")
        ?? new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            "Running as root, but `runuser` (util-linux) was not found; it is needed to run initdb and pg_ctl as 'postgres'.");

    private static bool IsRoot()
    {
        // /proc reports the effective uid without native interop; only Linux runs these tests as root.
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                return fields.Length > 2 && fields[2] == "0";
            }
        }

        return false;
    }
}
