using Microsoft.Extensions.Configuration;

namespace IntegrationGateway.AppHost;

/// <summary>Tells the person who ran the stack where to go.</summary>
public static class Urls
{
    public const string Gateway = "http://localhost:8080";

    public static void Print(IConfiguration configuration, LocalData data)
    {
        var dashboard = (configuration["ASPNETCORE_URLS"] ?? "http://localhost:15180").Split(';')[0];
        Console.WriteLine($"""

            IntegrationGateway
              Gateway     {Gateway}
              Swagger UI  {Gateway}/swagger
              Dashboard   {dashboard}
              Data        {data.Folder} (keep between runs; `dotnet run --project AppHost -- {LocalData.ResetSwitch}` starts empty)
              Dev token   dotnet run --project Gateway -- token --client demo --channel storefront --scope "availability:read orders:write"

            """);
    }
}
