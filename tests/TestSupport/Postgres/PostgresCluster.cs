using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace IntegrationGateway.TestSupport.Postgres;

/// <summary>
/// A private, throwaway PostgreSQL cluster on 127.0.0.1, so integration tests never depend on
/// (or disturb) a server that happens to be running on the machine.
/// </summary>
public sealed partial class PostgresCluster : IAsyncDisposable
{
    private const string DefaultBinDirectory = "/usr/lib/postgresql/15/bin";
    private const string ServiceUser = "postgres";
    private const int StartAttempts = 3;
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(60);

    // pg_ctl's own wait must end before our process timeout so its message reaches the exception.
    private const int PgCtlWaitSeconds = 50;

    private readonly string _binDirectory;
    private readonly string _rootDirectory;
    private readonly string _dataDirectory;
    private readonly string _logFile;
    private readonly bool _runAsServiceUser;
    private readonly List<string> _createdConnectionStrings = [];
    private readonly Lock _gate = new();
    private int _disposed;

    private PostgresCluster(string binDirectory, string rootDirectory, bool runAsServiceUser, int port)
    {
        _binDirectory = binDirectory;
        _rootDirectory = rootDirectory;
        _dataDirectory = Path.Combine(rootDirectory, "data");
        _logFile = Path.Combine(rootDirectory, "postgres.log");
        _runAsServiceUser = runAsServiceUser;
        Port = port;
    }

    public int Port { get; private set; }

    public static async Task<PostgresCluster> StartAsync(CancellationToken ct = default)
    {
        var binDirectory = ResolveBinDirectory();
        var runAsServiceUser = IsRoot();
        var root = Directory.CreateTempSubdirectory("ig-pg-").FullName;
        var cluster = new PostgresCluster(binDirectory, root, runAsServiceUser, port: 0);
        try
        {
            if (runAsServiceUser)
            {
                // initdb and postgres refuse to run as root, so the cluster belongs to the service user.
                await RunAsync("chown", [ServiceUser, root], root, ct).ConfigureAwait(false);
            }

            await cluster.RunToolAsync(
                "initdb",
                [
                    "-D", cluster._dataDirectory,
                    "--auth=trust",
                    "-U", ServiceUser,
                    "-E", "UTF8",
                    // C locale keeps initdb independent of which locales the host has generated.
                    "--locale=C",
                    "--no-sync",
                    "--no-instructions",
                ],
                ct).ConfigureAwait(false);

            await cluster.StartServerAsync(ct).ConfigureAwait(false);
            AppDomain.CurrentDomain.ProcessExit += cluster.OnProcessExit;
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public string ConnectionString(string database)
    {
        ValidateDatabaseName(database);
        return $"Host=127.0.0.1;Port={Port};Username={ServiceUser};Database={database};Pooling=true;Maximum Pool Size=50";
    }

    public async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        name ??= $"ig_{Guid.NewGuid():N}";
        ValidateDatabaseName(name);

        // Unpooled so that no idle admin connection outlives the call.
        var admin = $"Host=127.0.0.1;Port={Port};Username={ServiceUser};Database=postgres;Pooling=false";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        var connectionString = ConnectionString(name);
        lock (_gate)
        {
            _createdConnectionStrings.Add(connectionString);
        }

        return connectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        ClearPools();

        try
        {
            if (File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
            {
                using var timeout = new CancellationTokenSource(ProcessTimeout);
                await RunToolAsync(
                    "pg_ctl",
                    ["stop", "-m", "fast", "-w", "-t", PgCtlWaitSeconds.ToString(), "-D", _dataDirectory],
                    timeout.Token).ConfigureAwait(false);
            }
        }
        catch
        {
            KillPostmaster();
        }

        DeleteRootDirectory();
    }

    private async Task StartServerAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = PickFreePort();
            try
            {
                await RunToolAsync(
                    "pg_ctl",
                    [
                        "start", "-w", "-t", PgCtlWaitSeconds.ToString(),
                        "-D", _dataDirectory,
                        "-l", _logFile,
                        "-o",
                        // pg_ctl hands these options to a shell, hence the quotes around the socket directory.
                        $"-c listen_addresses=127.0.0.1 -p {Port} -k '{_rootDirectory}' " +
                        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                    ],
                    ct).ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException ex)
            {
                var log = ReadLogTail();

                // Another process may grab the probed port before postgres binds it; a new port fixes that.
                if (attempt < StartAttempts && log.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
                {
                    KillPostmaster();
                    continue;
                }

                throw new InvalidOperationException(
                    $"PostgreSQL did not start on 127.0.0.1:{Port} (attempt {attempt}).{Environment.NewLine}" +
                    $"{ex.Message}{Environment.NewLine}--- server log tail ({_logFile}) ---{Environment.NewLine}{log}",
                    ex);
            }
        }
    }

    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var executable = Path.Combine(_binDirectory, tool);
        if (!_runAsServiceUser)
        {
            return RunAsync(executable, arguments, _rootDirectory, ct);
        }

        return RunAsync(FindRunuser(), ["-u", ServiceUser, "--", executable, .. arguments], _rootDirectory, ct);
    }

    private static int PickFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static void ValidateDatabaseName(string name)
    {
        // Names go into SQL and connection strings unescaped, so only plain identifiers are allowed.
        if (!DatabaseNamePattern().IsMatch(name))
        {
            throw new ArgumentException(
                $"Database name '{name}' must match {DatabaseNamePattern()} (letters, digits, underscore; at most 63).",
                nameof(name));
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex DatabaseNamePattern();

    private string ReadLogTail(int lines = 40)
    {
        try
        {
            if (!File.Exists(_logFile))
            {
                return "(no server log was written)";
            }

            var all = File.ReadAllLines(_logFile);
            return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)));
        }
        catch (Exception ex)
        {
            return $"(server log unreadable: {ex.Message})";
        }
    }

    private void ClearPools()
    {
        string[] connectionStrings;
        lock (_gate)
        {
            connectionStrings = [.. _createdConnectionStrings];
        }

        // Idle pooled connections would otherwise outlive the server and fail on their next use.
        foreach (var connectionString in connectionStrings)
        {
            try
            {
                using var connection = new NpgsqlConnection(connectionString);
                NpgsqlConnection.ClearPool(connection);
            }
            catch (Exception)
            {
                // Disposal must not throw.
            }
        }
    }

    private void KillPostmaster()
    {
        try
        {
            var pidFile = Path.Combine(_dataDirectory, "postmaster.pid");
            if (!File.Exists(pidFile))
            {
                return;
            }

            var firstLine = File.ReadLines(pidFile).FirstOrDefault();
            if (int.TryParse(firstLine, out var pid))
            {
                using var postmaster = Process.GetProcessById(pid);
                postmaster.Kill(entireProcessTree: true);
                postmaster.WaitForExit(ProcessTimeout);
            }
        }
        catch (Exception)
        {
            // Best effort: the process may already be gone.
        }
    }

    private void DeleteRootDirectory()
    {
        try
        {
            Directory.Delete(_rootDirectory, recursive: true);
        }
        catch (Exception)
        {
            // Disposal must not throw; a leftover temp directory is harmless.
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        // A test host that exits without disposing (a crash in a fixture, say) must not leave a server running.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        KillPostmaster();
        DeleteRootDirectory();
    }
}
