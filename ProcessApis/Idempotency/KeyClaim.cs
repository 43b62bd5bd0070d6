namespace IntegrationGateway.ProcessApis.Idempotency;

/// <summary>What claiming an Idempotency-Key found.</summary>
public abstract record KeyClaim
{
    private KeyClaim() { }

    /// <summary>The key is new: this request does the work and must complete or abandon the claim.</summary>
    public sealed record Granted : KeyClaim;

    /// <summary>The same request ran before; here is its answer.</summary>
    public sealed record Replay(int StatusCode, string ContentType, string Body) : KeyClaim
    {
        public IResult ToResult() => Results.Content(Body, ContentType, System.Text.Encoding.UTF8, StatusCode);
    }

    /// <summary>The key was used for another request.</summary>
    public sealed record Mismatch : KeyClaim;

    /// <summary>The same request is still running (or died mid-way and awaits recovery).</summary>
    public sealed record InProgress : KeyClaim;
}
