namespace IntegrationGateway.ProcessApis.Steps;

/// <summary>
/// A seam between the steps of commands that span several systems (see <see cref="ProcessSteps"/>). In production it
/// does nothing; crash tests replace it to stop the process at a named step, then start it again and check that
/// recovery leaves the invariants of DESIGN.md whole.
/// </summary>
public interface IStepHook
{
    ValueTask ReachedAsync(string step, CancellationToken cancellationToken);
}

public sealed class NoStepHook : IStepHook
{
    public ValueTask ReachedAsync(string step, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
