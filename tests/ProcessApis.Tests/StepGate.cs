using IntegrationGateway.ProcessApis.Steps;

namespace IntegrationGateway.ProcessApis.Tests;

/// <summary>
/// The test's hand on the process between its steps: the next request to reach an armed step is held there, until
/// released (a pause, to race it) or for ever (a crash: the host is then stopped under it and it never runs another line).
/// </summary>
public sealed class StepGate : IStepHook
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (TaskCompletionSource Reached, Task Until)> _armed = new(StringComparer.Ordinal);

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
