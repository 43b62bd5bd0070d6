using IntegrationGateway.ProcessApis.Steps;

namespace IntegrationGateway.TestSupport.Hosting;

/// <summary>
/// The test's hand on the process between its steps: the next request to reach an armed step is held there, until
/// released (a pause, to race it) or for ever (a crash: the host is then stopped under it and it never runs another line).
/// It also counts every arrival at a step, armed or not, so a test can tell that a host took part in some work.
/// </summary>
public sealed class StepGate : IStepHook
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (TaskCompletionSource Reached, Task Until)> _armed = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _arrivals = new(StringComparer.Ordinal);

    /// <summary>How many times <paramref name="step"/> was reached by the hosts this gate is laid over.</summary>
    public int Arrivals(string step) => _arrivals.GetValueOrDefault(step);

    /// <summary>Holds the next request at <paramref name="step"/> until <paramref name="until"/> completes; the task completes when one arrives.</summary>
    public Task HoldAt(string step, Task until)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _armed[step] = (reached, until);
        }
        return reached.Task;
    }

    /// <summary>The next request at <paramref name="step"/> stops there for good, as a process that died there would.</summary>
    public Task CrashAt(string step) => HoldAt(step, new TaskCompletionSource().Task);

    public void Disarm()
    {
        lock (_lock)
        {
            _armed.Clear();
        }
    }

    public async ValueTask ReachedAsync(string step, CancellationToken cancellationToken)
    {
        _arrivals.AddOrUpdate(step, 1, (_, n) => n + 1);
        (TaskCompletionSource Reached, Task Until) armed;
        lock (_lock)
        {
            if (!_armed.Remove(step, out armed))
            {
                return;
            }
        }
        armed.Reached.TrySetResult();
        // Deaf to cancellation on purpose: a process that stopped here runs nothing more, not even its catch blocks.
        await armed.Until;
    }
}
