using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IntegrationGateway.EventBenchmarks;

/// <summary>
/// One service as users run it: `dotnet Service.dll` in its publish folder, listening on a loopback port, with its
/// configuration in environment variables (as the app host passes it). Output goes to a log file; disposing kills it.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServiceProcess(string name, int port, Process process, StreamWriter log)
    {
        Name = name;
        Address = new Uri($"http://127.0.0.1:{port}");
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public Uri Address { get; }

    public int Id => _process.Id;

    public static ServiceProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, string logFolder, int? port = null)
    {
        var listen = port ?? FreePort();
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{listen}";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var log = new StreamWriter(Path.Combine(logFolder, name + ".log")) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(name, listen, process, log);
    }

    /// <summary>Waits until GET path answers 200 (the services' /health), or fails naming the log.</summary>
    public async Task WaitHealthyAsync(string path = "/health", TimeSpan? within = null)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < (within ?? TimeSpan.FromSeconds(90)))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}; see its log.");
            }
            try
            {
                using var response = await client.GetAsync(path);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            // Not listening yet, or too slow to answer on a busy machine: ask again.
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} was not healthy at {Address}{path} within the wait; see its log.");
    }

    /// <summary>User plus system CPU time the process has used so far (from /proc, so it works for any child).</summary>
    public TimeSpan CpuTime() => CpuTimeOf(_process.Id);

    public static TimeSpan CpuTimeOf(int pid)
    {
        try
        {
            // Fields after the parenthesised command name: utime and stime are the 12th and 13th, in clock ticks (100 Hz).
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>
    /// CPU of every process named <paramref name="command"/> (the PostgreSQL server and its backends, nats-server), with
    /// what their exited children used: the store and the broker share the two cores with the services.
    /// </summary>
    public static TimeSpan CpuTimeOfCommand(string command)
    {
        long ticks = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out _))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                if (stat[(open + 1)..close] != command)
                {
                    continue;
                }
                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14]);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            log.WriteLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
