using System.Globalization;

namespace IntegrationGateway.EventBenchmarks;

/// <summary>Measurements taken while the shared machine is busy are noise: wait for a quiet minute first, bounded.</summary>
public static class Quiet
{
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>Waits until the 1-minute load average is below the threshold; returns it, and whether it got there.</summary>
    public static async Task<(double Load, bool Quiet)> WaitAsync(double below, DateTimeOffset until)
    {
        var load = LoadAverage();
        while (load >= below && DateTimeOffset.UtcNow < until)
        {
            Console.WriteLine($"load average {load:0.00} (waiting for < {below} until {until:HH:mm:ss} UTC)");
            await Task.Delay(TimeSpan.FromSeconds(30));
            load = LoadAverage();
        }
        return (load, load < below);
    }
}
