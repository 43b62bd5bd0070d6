using System.Text.Json.Nodes;

namespace IntegrationGateway.Benchmarks;

/// <summary>
/// A large contract shaped like ours: resources with list, create, read, replace and delete operations, shared
/// component schemas and parameters. The revision scatters a few hundred changes over it, one of them in a
/// shared schema that reaches a hundred resources.
/// </summary>
public static class SyntheticContract
{
    public const int Resources = 1000;
    public const int OperationsPerResource = 5;
    private const int ResourceSchemas = 200;

    public static string Json(bool revision)
    {
        var paths = new JsonObject();
        for (var i = 0; i < Resources; i++)
        {
            AddResource(paths, i, revision);
        }
        var document = new JsonObject
        {
            ["openapi"] = "3.0.4",
            ["info"] = new JsonObject { ["title"] = "Synthetic", ["version"] = revision ? "1.1" : "1.0" },
            ["security"] = new JsonArray(new JsonObject { ["Bearer"] = new JsonArray() }),
            ["paths"] = paths,
            ["components"] = Components(revision),
        };
        return document.ToJsonString();
    }

    private static void AddResource(JsonObject paths, int i, bool revision)
    {
        var schema = Ref($"Resource{i % ResourceSchemas}");
        var tenant = new JsonObject { ["name"] = "X-Tenant", ["in"] = "header", ["required"] = true, ["schema"] = Type("string") };
        var query = new JsonObject { ["name"] = "q", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string", ["maxLength"] = revision && i % 25 == 5 ? 50 : 100 } };
        var listParameters = new JsonArray(Param("Limit"), Param("Offset"), query, tenant);
        if (revision && i % 10 == 3)
        {
            listParameters.Add(new JsonObject { ["name"] = "region", ["in"] = "query", ["required"] = true, ["schema"] = Type("string") });
        }
        paths[$"/v1/resources{i}"] = new JsonObject
        {
            ["get"] = Operation(listParameters, null, Responses("200", new JsonObject { ["type"] = "array", ["items"] = schema.DeepClone() })),
            ["post"] = Operation(new JsonArray(tenant.DeepClone()), schema, Responses("201", schema)),
        };
        var item = new JsonObject
        {
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "id", ["in"] = "path", ["required"] = true, ["schema"] = Type("string") }),
            ["get"] = Operation(new JsonArray(), null, Responses("200", schema, withNotFound: !(revision && i % 40 == 13))),
            ["put"] = Operation(new JsonArray(), schema, Responses("200", schema)),
        };
        if (!(revision && i % 20 == 7))
        {
            item["delete"] = Operation(new JsonArray(), null, new JsonObject { ["204"] = new JsonObject { ["description"] = "Deleted." } });
        }
        if (revision && i % 20 == 11)
        {
            item["patch"] = Operation(new JsonArray(), schema, Responses("200", schema));
        }
        paths[$"/v1/resources{i}/{{id}}"] = item;
    }

    private static JsonObject Operation(JsonArray parameters, JsonObject? body, JsonObject responses)
    {
        var operation = new JsonObject { ["summary"] = "An operation.", ["parameters"] = parameters, ["responses"] = responses };
        if (body is not null)
        {
            operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Json(body) };
        }
        return operation;
    }

    private static JsonObject Responses(string status, JsonObject schema, bool withNotFound = true)
    {
        var responses = new JsonObject { [status] = new JsonObject { ["description"] = "OK.", ["content"] = Json(schema) } };
        if (withNotFound)
        {
            responses["404"] = new JsonObject { ["description"] = "Not found.", ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = Ref("ProblemDetails") } } };
        }
        return responses;
    }

    private static JsonObject Components(bool revision)
    {
        var schemas = new JsonObject
        {
            ["ProblemDetails"] = Object(("title", Type("string")), ("status", Type("integer")), ("detail", Type("string"))),
            ["Status"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("open", "active", "closed") },
            ["Money"] = Object(("amount", Type("number")), ("currency", new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Z]{3}$" })),
            ["Address"] = Object(("street", Type("string")), ("city", Type("string")),
                ("postalCode", new JsonObject { ["type"] = "string", ["maxLength"] = revision ? 8 : 10 })),
            ["Line"] = Object(("sku", Type("string")), ("quantity", new JsonObject { ["type"] = "integer", ["minimum"] = 1 }), ("price", Ref("Money"))),
        };
        for (var k = 0; k < ResourceSchemas; k++)
        {
            var resource = Object(("id", new JsonObject { ["type"] = "string", ["readOnly"] = true }), ("name", Type("string")), ("status", Ref("Status")),
                ("total", Ref("Money")), ("lines", new JsonObject { ["type"] = "array", ["items"] = Ref("Line") }),
                ("createdAt", new JsonObject { ["type"] = "string", ["format"] = "date-time" }));
            resource["required"] = new JsonArray("name", "status");
            if (k % 10 == 0)
            {
                resource["properties"]!["address"] = Ref("Address");
            }
            schemas[$"Resource{k}"] = resource;
        }
        var parameters = new JsonObject
        {
            ["Limit"] = new JsonObject { ["name"] = "limit", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 100 } },
            ["Offset"] = new JsonObject { ["name"] = "offset", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 } },
        };
        var security = new JsonObject { ["Bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" } };
        return new JsonObject { ["schemas"] = schemas, ["parameters"] = parameters, ["securitySchemes"] = security };
    }

    private static JsonObject Object(params (string Name, JsonObject Schema)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            props[name] = schema;
        }
        return new JsonObject { ["type"] = "object", ["properties"] = props };
    }

    private static JsonObject Json(JsonObject schema) => new() { ["application/json"] = new JsonObject { ["schema"] = schema.DeepClone() } };

    private static JsonObject Type(string type) => new() { ["type"] = type };

    private static JsonObject Ref(string schema) => new() { ["$ref"] = $"#/components/schemas/{schema}" };

    private static JsonObject Param(string parameter) => new() { ["$ref"] = $"#/components/parameters/{parameter}" };
}
