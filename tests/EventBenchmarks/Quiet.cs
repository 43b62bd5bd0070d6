using System.Globalization;

namespace IntegrationGateway.EventBenchmarks;

/// <summary>
/// Measurements taken while the shared machine is busy are noise: wait until its CPUs are mostly idle first, bounded.
/// The signal is the CPU time the kernel counted over a few seconds (/proc/stat), stolen time included: the 1-minute
/// load average used before decays over minutes, so after each phase of this run it read "busy" for as long as the
/// wait allowed while the machine was in fact idle.
/// </summary>
public static class Quiet
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    /// <summary>What share of all CPUs' time was busy (stolen time included) and stolen over the next few seconds.</summary>
    public static async Task<Share> SampleAsync()
    {
        var before = CpuTimes.Read();
        await Task.Delay(Window);
        return CpuTimes.Read().Since(before);
    }

    /// <summary>Waits until the busy share is below the threshold (in percent); returns the last sample, and whether it got there.</summary>
    public static async Task<(Share Sample, bool Quiet)> WaitAsync(double busyBelowPercent, DateTimeOffset until)
    {
        var sample = await SampleAsync();
        while (sample.BusyPercent >= busyBelowPercent && DateTimeOffset.UtcNow < until)
        {
            Console.WriteLine($"CPU busy {sample} (waiting for < {busyBelowPercent:0}% until {until:HH:mm:ss} UTC)");
            sample = await SampleAsync();
        }
        return (sample, sample.BusyPercent < busyBelowPercent);
    }

    public readonly record struct Share(double BusyPercent, double StealPercent)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{BusyPercent:0}% (stolen {StealPercent:0.0}%)");
    }

    /// <summary>The first line of /proc/stat: ticks of all CPUs since boot, by state.</summary>
    private readonly record struct CpuTimes(long Busy, long Idle, long Steal)
    {
        public static CpuTimes Read()
        {
            // cpu user nice system idle iowait irq softirq steal ... (guest time is already inside user)
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var idle = fields[3] + fields[4];
            return new CpuTimes(fields.Sum() - idle, idle, fields[7]);
        }

        public Share Since(CpuTimes before)
        {
            var total = Math.Max(1, Busy + Idle - before.Busy - before.Idle);
            return new Share(100.0 * (Busy - before.Busy) / total, 100.0 * (Steal - before.Steal) / total);
        }
    }
}
