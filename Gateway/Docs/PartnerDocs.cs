namespace IntegrationGateway.Gateway.Docs;

/// <summary>
/// Swagger UI for partner developers. It lists only public experience documents, which the proxy fetches
/// from the services themselves (route "storefront-docs"), so the UI always shows what is served.
/// </summary>
public static class PartnerDocs
{
    public static WebApplication UsePartnerDocs(this WebApplication app)
    {
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "swagger";
            options.DocumentTitle = "IntegrationGateway partner APIs";
            options.SwaggerEndpoint("/swagger/storefront-v1/swagger.json", "Storefront v1");
            options.EnablePersistAuthorization();
            options.DisplayOperationId();
        });
        return app;
    }
}
