using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IntegrationGateway.TestSupport.Nats;

/// <summary>
/// A private nats-server with JetStream on 127.0.0.1, a free port and a temporary store folder, so the NATS tests
/// never depend on (or disturb) a broker on the machine. It can be killed and started again on the same port and
/// store, as a broker that crashes and comes back. Without nats-server the tests fail; they never skip.
/// </summary>
public sealed class NatsServer : IAsyncDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(15);
    private readonly string _executable;
    private readonly string _storeDirectory;
    private readonly StringBuilder _log = new();
    private Process? _process;
    private int _disposed;

    private NatsServer(string executable, string storeDirectory, int port)
    {
        _executable = executable;
        _storeDirectory = storeDirectory;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"nats://127.0.0.1:{Port}";

    public static async Task<NatsServer> StartAsync()
    {
        var server = new NatsServer(FindExecutable(), Directory.CreateTempSubdirectory("ig-nats-").FullName, PickFreePort());
        AppDomain.CurrentDomain.ProcessExit += server.OnProcessExit;
        try
        {
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the broker (again) on the same port and store folder; returns once it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        var startInfo = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-js", "-a", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-sd", _storeDirectory])
        {
            startInfo.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        var deadline = DateTime.UtcNow + ReadyWithin;
        while (!await AcceptsAsync())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"nats-server did not start on 127.0.0.1:{Port}.{Environment.NewLine}{LogText()}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Kills the broker at once, as a crash: what it had stored stays in the store folder.</summary>
    public async Task KillAsync()
    {
        if (Interlocked.Exchange(ref _process, null) is not { } process)
        {
            return;
        }
        try
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await KillAsync();
        DeleteStore();
    }

    private static string FindExecutable()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("NATS_SERVER");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return File.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new InvalidOperationException($"NATS_SERVER={fromEnvironment} does not exist.");
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/sbin").Append("/usr/bin"))
        {
            var candidate = Path.Combine(directory, "nats-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException(
            "nats-server was not found on PATH; the NATS transport tests need it. Install it (Debian: apt-get install nats-server) or set NATS_SERVER to its path.");
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

    private async Task<bool> AcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private string LogText()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    private void DeleteStore()
    {
        try
        {
            Directory.Delete(_storeDirectory, recursive: true);
        }
        catch (Exception)
        {
            // A leftover temp folder is harmless.
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        // A test host that exits without disposing must not leave a broker running.
        try
        {
            _process?.Kill(entireProcessTree: true);
        }
        catch (Exception)
        {
        }
        DeleteStore();
    }
}
