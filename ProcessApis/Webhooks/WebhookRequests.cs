using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ServiceDefaults.Problems;

namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>The checks of webhook requests beyond their contract bounds, the same for every API that takes them.</summary>
public static class WebhookRequests
{
    public static Dictionary<string, string[]> Errors(WebhookSubscriptionRequest request, bool allowPrivateTargets)
    {
        var errors = RequestValidation.Errors(request);
        if (!errors.ContainsKey("url") && TargetGuard.Refusal(request.Url, allowPrivateTargets) is { } refusal)
        {
            errors["url"] = [refusal];
        }
        var events = request.Events ?? [];
        var bad = events.FindIndex(type => !WebhookEvents.IsEventType(type));
        if (bad >= 0)
        {
            errors[$"events[{bad}]"] = [$"An event type is a lower-case dotted name of at most {WebhookEvents.MaxTypeLength} characters, e.g. {WebhookEvents.AvailabilityChanged}."];
        }
        else if (events.Distinct(StringComparer.Ordinal).Count() != events.Count)
        {
            errors["events"] = ["List each event type once."];
        }
        return errors;
    }

    public static Dictionary<string, string[]> Errors(WebhookReplayRequest request)
    {
        var errors = RequestValidation.Errors(request);
        var given = (request.EventId is not null ? 1 : 0) + (request.Since is not null ? 1 : 0) + (request.SinceSequence is not null ? 1 : 0);
        if (given != 1)
        {
            errors["eventId"] = ["Give exactly one of eventId, since or sinceSequence."];
        }
        if (request.Sku is not null && request.SinceSequence is null)
        {
            errors["sku"] = ["sku narrows sinceSequence; give it only with sinceSequence."];
        }
        if (request.EventId is { } id && string.IsNullOrWhiteSpace(id))
        {
            errors["eventId"] = ["Give the id of a kept event."];
        }
        if (request.Sku is { } sku && string.IsNullOrWhiteSpace(sku))
        {
            errors["sku"] = ["A SKU may not be blank."];
        }
        return errors;
    }
}
