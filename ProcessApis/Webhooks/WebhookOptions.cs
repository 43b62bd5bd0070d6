namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>How webhooks are delivered. Bound from the "Webhooks" section and checked at start-up.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Lets subscriptions target private, loopback, link-local and unspecified addresses. Off unless configured,
    /// except in Development (local receivers); a webhook URL is otherwise a way into the internal network.
    /// </summary>
    public bool? AllowPrivateTargets { get; set; }

    /// <summary>
    /// The wait after each failed attempt (Standard Webhooks' recommended schedule); past its end the last step
    /// repeats, so a message is retried until the subscription is disabled, never dropped.
    /// </summary>
    public TimeSpan[]? RetrySchedule { get; set; }

    // Kept apart from the bound property: the configuration binder appends to an array it finds filled.
    public static readonly TimeSpan[] DefaultSchedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    public IReadOnlyList<TimeSpan> Schedule => RetrySchedule is { Length: > 0 } configured ? configured : DefaultSchedule;

    /// <summary>Each wait is lengthened by up to this share, at random, so receivers coming back are not stampeded.</summary>
    public double Jitter { get; set; } = 0.1;

    /// <summary>A subscription whose deliveries have failed without a success for this long is disabled.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(5);

    /// <summary>How long a rotated-out secret keeps signing beside the new one.</summary>
    public TimeSpan RotationWindow { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest Retry-After a receiver's 429 or 503 is followed for.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Messages sent at once by one instance. Each is one receiver's one SKU (a SKU's messages go out one at a time),
    /// and an attempt mostly waits on the network, so a few dozen at once cost little.
    /// </summary>
    public int Parallelism { get; set; } = 32;

    /// <summary>
    /// Outbox rows fanned out, and due messages sent, per pass. A pass sends at most one message per subscription x SKU,
    /// so a batch smaller than the SKUs being changed made each SKU wait several passes (seconds behind at 200 changes/s).
    /// </summary>
    public int BatchSize { get; set; } = 500;

    public bool IsValid() =>
        Schedule.All(s => s > TimeSpan.Zero) && Jitter is >= 0 and <= 1
        && DisableAfter > TimeSpan.Zero && RotationWindow >= TimeSpan.Zero && AttemptTimeout > TimeSpan.Zero
        && MaxRetryAfter > TimeSpan.Zero && PollInterval > TimeSpan.Zero && Parallelism >= 1 && BatchSize >= 1;
}
