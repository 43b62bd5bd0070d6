namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>
/// The clock retries, timestamps and disabling are judged by. Its own type so tests can move days of retries on at
/// once without moving the clock the HTTP pipelines and token checks run on.
/// </summary>
public sealed record WebhookClock(TimeProvider Time)
{
    public DateTimeOffset Now => Time.GetUtcNow();

    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();
}
