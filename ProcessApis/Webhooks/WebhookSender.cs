using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>
/// One attempt of one message: POST with the Standard Webhooks headers, within the attempt timeout, on a client that
/// follows no redirects and connects only where <see cref="TargetGuard"/> allows.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider time, IOptions<WebhookOptions> options)
{
    public const string ClientName = "webhooks";

    public sealed record Result(int? Status, string? Error, TimeSpan? RetryAfter)
    {
        public bool Delivered => Status is >= 200 and < 300;
    }

    public async Task<Result> SendAsync(SubscriptionRow subscription, string webhookId, string body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("webhook-id", webhookId);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSignature.Header(subscription.SigningSecrets(now.ToUnixTimeMilliseconds()), webhookId, timestamp, body));
        using var timeout = new CancellationTokenSource(options.Value.AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            return new Result(status, status is >= 300 and < 400 ? "Redirects are not followed." : null,
                status is 429 or 503 ? RetryAfter(response, now) : null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new Result(null, $"No answer within {options.Value.AttemptTimeout.TotalSeconds:0.#} s.", null);
        }
        catch (HttpRequestException failure)
        {
            return new Result(null, failure.InnerException is TargetRefusedException refused ? refused.Message : $"The request failed ({failure.HttpRequestError}).", null);
        }
        catch (TargetRefusedException refused)
        {
            return new Result(null, refused.Message, null);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now > TimeSpan.Zero ? date - now : TimeSpan.Zero,
            _ => null,
        };

    /// <summary>The handler of the webhook client: no redirects, no cookies, every connection through the target guard.</summary>
    public static SocketsHttpHandler Handler(IOptions<WebhookOptions> options) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, cancellationToken) => TargetGuard.ConnectAsync(context.DnsEndPoint, options.Value.AllowPrivateTargets == true, cancellationToken),
    };
}
