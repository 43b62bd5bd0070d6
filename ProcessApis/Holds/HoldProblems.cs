using IntegrationGateway.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.ProcessApis.Holds;

public static class HoldProblems
{
    public const string CartExpiredType = "https://integration-gateway.dev/problems/cart-expired";
    public const string CartOfAnotherChannelType = "https://integration-gateway.dev/problems/cart-of-another-channel";

    public static ProblemDetails CartExpired(string cartId) =>
        Problem.Details(409, CartExpiredType, "The cart's holds have expired.",
            $"Cart {cartId} holds nothing unexpired; hold its lines again, then confirm.");

    public static ProblemDetails CartOfAnotherChannel(string cartId) =>
        Problem.Details(409, CartOfAnotherChannelType, "The cart id is in use by another channel.",
            $"Cart {cartId} holds stock for another channel; use another cart id.");
}
