using Microsoft.AspNetCore.Http;

namespace IntegrationGateway.ExperienceApis.Tests;

public sealed class VersionSegmentReaderTests
{
    [Theory]
    [InlineData("/storefront/v2/availability/SKU-1", "2")]
    [InlineData("/storefront/v1", "1")]
    [InlineData("/marketplace/V1/feed", "1")]
    [InlineData("/b2b/v1.0/availability/query", "1.0")]
    public void TheVersionIsTheSecondSegmentAfterItsV(string path, string version)
    {
        Assert.Equal([version], new VersionSegmentReader().Read(RequestFor(path)));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/storefront")]
    [InlineData("/storefront/")]
    [InlineData("/storefront/availability/v2")]
    [InlineData("/swagger/storefront-v1/swagger.json")]
    [InlineData("/storefront/v/availability")]
    [InlineData("")]
    public void APathWithoutAVersionSegmentNamesNone(string path)
    {
        Assert.Empty(new VersionSegmentReader().Read(RequestFor(path)));
    }

    private static HttpRequest RequestFor(string path) => new DefaultHttpContext { Request = { Path = path } }.Request;
}
