namespace IntegrationGateway.ServiceDefaults.Downstream;

/// <summary>Which failures a layer retries. Only the layer nearest a failure retries its answers, so retries never multiply.</summary>
public enum DownstreamRetry
{
    /// <summary>Transport failures, timeouts and transient status codes (408, 429, 5xx).</summary>
    TransientFailures,

    /// <summary>Transport failures and timeouts only; a 5xx answer was already retried further down.</summary>
    TransportFailuresOnly,
}
