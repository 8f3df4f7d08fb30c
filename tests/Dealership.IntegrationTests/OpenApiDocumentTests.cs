using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

/// <summary>The API reference tells the truth: each route's documented request body is the type it binds, field for field.</summary>
public sealed class OpenApiDocumentTests : SharedAppTests
{
    [Test]
    public async Task EveryDocumentedRequestBody_HasTheFieldsOfTheTypeTheRouteBinds()
    {
        using var client = App.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        var schemas = root.GetProperty("components").GetProperty("schemas");

        var bodies = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Accepts: e.Metadata.GetMetadata<IAcceptsMetadata>(), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()))
            .Where(e => e.Accepts?.RequestType is not null && e.Methods is not null && e.Endpoint.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal))
            .ToList();
        Assert.That(bodies, Has.Count.GreaterThan(20), "the API's routes with a JSON body are found");

        var failures = new List<string>();
        foreach (var (endpoint, accepts, methods) in bodies)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText!, ":[a-z]+}", "}").TrimEnd('/');
            var method = methods!.HttpMethods[0].ToLowerInvariant();
            if (!root.GetProperty("paths").TryGetProperty(path, out var item) || !item.TryGetProperty(method, out var operation))
            {
                failures.Add($"{method} {path}: not in the document");
                continue;
            }

            var schema = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
            }

            var documented = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToList();
            var bound = accepts!.RequestType!.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order().ToList();
            if (!documented.SequenceEqual(bound))
            {
                failures.Add($"{method} {path}: documented [{string.Join(", ", documented)}] but binds {accepts.RequestType.Name} [{string.Join(", ", bound)}]");
            }
        }

        Assert.That(failures, Is.Empty);
    }
}
