using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Dealership.IntegrationTests;

/// <summary>
/// A seeded, reproducible fuzzer over the API as /openapi/v1.json describes it: for every route, bodies built
/// from its schema and then broken one way at a time (wrong types, nulls, nulls inside arrays, huge, empty,
/// control-character, Unicode, SQL and script strings, extreme money and dates, malformed currency, extra fields
/// that must not be mass-assigned, malformed and duplicated JSON, wrong content types and Accept headers,
/// bad Idempotency-Keys and If-Match values, oversized bodies, garbage ids and query values), sent by a
/// Manager, who may call every staff route. Pass: never a 5xx; every refusal is application/problem+json with
/// a detail or field errors a person can act on; and a refused request commits nothing (SQLite's data_version,
/// read on a connection of our own, moves on any other connection's commit). FUZZ_SEED and FUZZ_PER_ROUTE
/// change the run; the seed is printed so a failure can be replayed.
/// </summary>
public sealed class ApiFuzzerTests : SharedAppTests
{
    private static readonly string[] Strings =
    [
        "", " ", new string('x', 100_000), "\u0000", "\u001b[31mred\u001b[0m", "line\r\nbreak", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☃ 漢字 عربى", "\uFEFF\u202Ereversed",
        "'; DROP TABLE \"Customers\";--", "\" OR 1=1 --", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{ 7*7 }}", "${jndi:ldap://x}",
        "../../etc/passwd", "%00%0d%0a", "null", "NaN", "-1", "1e309", "2026-02-30", "0001-01-01", "9999-12-31T23:59:59Z", "US", "usd", "€€€",
    ];

    private static readonly JsonNode?[] Odd =
    [
        null, JsonValue.Create(-1), JsonValue.Create(0), JsonValue.Create(long.MaxValue), JsonValue.Create(long.MinValue), JsonValue.Create(1e308), JsonValue.Create(-0.5),
        JsonValue.Create(true), new JsonArray(), new JsonArray(null, null), new JsonObject(), new JsonObject { ["amount"] = -999_999_999_999, ["currency"] = "XXXX" },
        new JsonObject { ["amount"] = "100", ["currency"] = "USD" }, JsonValue.Create("2026-13-45"), JsonValue.Create("25:61:00"),
    ];

    [Test]
    public async Task FiveThousandMalformedRequests_NeverA5xx_AlwaysAnActionableProblem_AndNeverACommit()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : 20261128;
        var perRoute = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_PER_ROUTE"), out var n) ? n : 40;
        var random = new Random(seed);
        using var anonymous = App.CreateClient();
        var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement;
        var schemas = document.GetProperty("components").GetProperty("schemas");
        using var manager = await App.ManagerAsync();
        var connectionString = await App.QueryAsync(db => Task.FromResult(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(db.Database)!));
        await using var watcher = new SqliteConnection(connectionString);
        await watcher.OpenAsync();

        var sent = 0;
        var statuses = new Dictionary<int, int>();
        var failures = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                var body = operation.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.GetProperty("content").TryGetProperty("application/json", out var json) ? json.GetProperty("schema") : (JsonElement?)null;
                for (var i = 0; i < perRoute; i++)
                {
                    var (request, described) = Build(random, operation.Name.ToUpperInvariant(), path.Name, body, schemas);
                    var before = await DataVersionAsync(watcher);
                    using var response = await manager.SendAsync(request);
                    request.Dispose();
                    sent++;
                    var status = (int)response.StatusCode;
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    var text = await response.Content.ReadAsStringAsync();
                    string? wrong = null;
                    if (status >= 500)
                    {
                        wrong = "server error";
                    }
                    else if (status >= 400)
                    {
                        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                        {
                            wrong = $"refusal as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}";
                        }
                        else if (!Actionable(text))
                        {
                            wrong = "a problem without a detail or field errors";
                        }
                        else if (await DataVersionAsync(watcher) != before)
                        {
                            wrong = "refused, yet something was committed";
                        }
                    }

                    if (wrong is not null && failures.Count < 40)
                    {
                        failures.Add($"{operation.Name.ToUpperInvariant()} {path.Name} [{described}] → {status}: {wrong}. {text[..Math.Min(200, text.Length)]}");
                    }
                }
            }
        }

        TestContext.Out.WriteLine($"fuzzer: seed {seed}, {sent} requests; statuses {string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}"))}");
        Assert.That(sent, Is.GreaterThanOrEqualTo(5_000), "at least 5,000 hostile requests per run");
        Assert.That(failures, Is.Empty, $"seed {seed}");
    }

    private static bool Actionable(string text)
    {
        try
        {
            var problem = JsonDocument.Parse(text).RootElement;
            return (problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 })
                || (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any());
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<long> DataVersionAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static (HttpRequestMessage Request, string Described) Build(Random random, string method, string template, JsonElement? bodySchema, JsonElement schemas)
    {
        var what = new List<string>();
        var url = System.Text.RegularExpressions.Regex.Replace(template, "{[^}]+}", _ =>
        {
            var pick = random.Next(6);
            what.Add("id#" + pick);
            return pick switch
            {
                0 => "not-a-guid",
                // NUL in a path never reaches the app (Kestrel refuses the request line; the in-process test server throws).
                1 => Uri.EscapeDataString((Strings[random.Next(Strings.Length)] is var odd && odd.Length > 300 ? odd[..300] : odd).Replace("\u0000", "", StringComparison.Ordinal))
                    .Replace("%2500", "", StringComparison.Ordinal),
                2 => "00000000-0000-0000-0000-000000000000",
                3 => new string('9', 400),
                _ => Guid.NewGuid().ToString(),
            };
        });
        if (random.Next(3) == 0)
        {
            var value = Strings[random.Next(Strings.Length)];
            var name = new[] { "q", "page", "size", "status", "from", "to", "siteId", "staff", "action", "outcome", "open", "days" }[random.Next(12)];
            url += $"?{name}={Uri.EscapeDataString(value[..Math.Min(2000, value.Length)])}&page={random.Next(-5, 3)}&size={random.Next(-10, 100_000)}";
            what.Add("query " + name);
        }

        var request = new HttpRequestMessage(new HttpMethod(method), url);
        var mediaType = "application/json";
        if (method is "POST" or "PUT" or "PATCH")
        {
            var valid = bodySchema is { } schema ? Plausible(schema, schemas, random, 0) : new JsonObject();
            string payload;
            switch (random.Next(12))
            {
                case 0:
                    payload = "{\"broken\": [1, 2,";
                    what.Add("malformed JSON");
                    break;
                case 1:
                    payload = valid is JsonObject o1 && o1.Count > 0 ? "{" + string.Join(",", o1.Select(p => $"\"{p.Key}\":{p.Value?.ToJsonString() ?? "null"},\"{p.Key}\":\"dup\"")) + "}" : "{\"a\":1,\"a\":2}";
                    what.Add("duplicated keys");
                    break;
                case 2:
                    mediaType = new[] { "text/plain", "application/xml", "multipart/form-data", "application/x-www-form-urlencoded" }[random.Next(4)];
                    payload = valid?.ToJsonString() ?? "{}";
                    what.Add("content type " + mediaType);
                    break;
                case 3:
                    payload = "{\"x\":\"" + new string('a', 2_000_000) + "\"}";
                    what.Add("2 MB body");
                    break;
                case 4:
                    payload = random.Next(2) == 0 ? "null" : random.Next(2) == 0 ? "[]" : "\"just a string\"";
                    what.Add("not an object");
                    break;
                case 5:
                    if (valid is JsonObject extra)
                    {
                        // Mass assignment: fields the body does not take must change nothing.
                        extra["id"] = Guid.NewGuid().ToString();
                        extra["version"] = 999;
                        extra["status"] = "delivered";
                        extra["isActive"] = false;
                        extra["roles"] = new JsonArray("Manager");
                        extra["siteId"] = Guid.NewGuid().ToString();
                    }

                    payload = valid?.ToJsonString() ?? "{}";
                    what.Add("extra fields");
                    break;
                default:
                    payload = Mutate(valid, random, what)?.ToJsonString() ?? "null";
                    break;
            }

            request.Content = new StringContent(payload, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        switch (random.Next(8))
        {
            case 0:
                request.Headers.TryAddWithoutValidation("Idempotency-Key", new[] { "", " ", new string('k', 5000), "key with spaces\u0001", Guid.NewGuid().ToString() }[random.Next(5)]);
                what.Add("Idempotency-Key");
                break;
            case 1:
                request.Headers.TryAddWithoutValidation("If-Match", new[] { "abc", "W/\"1\"", "\"-1\"", "\"99999999999999999999999\"", "*", "\"1\", \"2\"" }[random.Next(6)]);
                what.Add("If-Match");
                break;
            case 2:
                request.Headers.TryAddWithoutValidation("Accept", new[] { "application/xml", "text/html", "*/*;q=0", "image/png" }[random.Next(4)]);
                what.Add("Accept");
                break;
            case 3:
                request.Headers.TryAddWithoutValidation("X-Site-Id", new[] { "not-a-site", Guid.NewGuid().ToString(), "" }[random.Next(3)]);
                what.Add("X-Site-Id");
                break;
        }

        return (request, string.Join(", ", what));
    }

    /// <summary>One property (or array item) of a plausible body broken one way.</summary>
    private static JsonNode? Mutate(JsonNode? valid, Random random, List<string> what)
    {
        if (valid is not JsonObject body || body.Count == 0)
        {
            what.Add("odd value for the whole body");
            return Odd[random.Next(Odd.Length)]?.DeepClone();
        }

        var key = body.ElementAt(random.Next(body.Count)).Key;
        var choice = random.Next(4);
        if (choice == 0)
        {
            body.Remove(key);
            what.Add($"{key} missing");
        }
        else if (choice == 1)
        {
            var text = Strings[random.Next(Strings.Length)];
            body[key] = text;
            what.Add($"{key} = string({text.Length})");
        }
        else if (choice == 2 && body[key] is JsonArray array)
        {
            array.Add(null);
            array.Add(new JsonObject { ["unexpected"] = true });
            what.Add($"{key}[] with nulls");
        }
        else if (body[key] is JsonObject inner && inner.Count > 0)
        {
            var innerKey = inner.ElementAt(random.Next(inner.Count)).Key;
            inner[innerKey] = Odd[random.Next(Odd.Length)]?.DeepClone();
            what.Add($"{key}.{innerKey} odd");
        }
        else
        {
            body[key] = Odd[random.Next(Odd.Length)]?.DeepClone();
            what.Add($"{key} odd");
        }

        return body;
    }

    /// <summary>A body that follows the schema's shape with ordinary values, as a starting point to break.</summary>
    private static JsonNode? Plausible(JsonElement schema, JsonElement schemas, Random random, int depth)
    {
        if (depth > 6)
        {
            return null;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Plausible(schemas.GetProperty(reference.GetString()!.Split('/')[^1]), schemas, random, depth + 1);
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                var first = options.EnumerateArray().FirstOrDefault(o => !(o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
                return first.ValueKind == JsonValueKind.Undefined ? null : Plausible(first, schemas, random, depth + 1);
            }
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            var options = values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).ToList();
            return options.Count > 0 ? JsonValue.Create(options[random.Next(options.Count)].GetString()) : null;
        }

        var type = schema.TryGetProperty("type", out var t1)
            ? t1.ValueKind == JsonValueKind.Array ? t1.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null") : t1.GetString()
            : schema.TryGetProperty("properties", out _) ? "object" : null;
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return type switch
        {
            "object" when schema.TryGetProperty("properties", out var properties) => new JsonObject(properties.EnumerateObject()
                .Select(p => KeyValuePair.Create(p.Name, Plausible(p.Value, schemas, random, depth + 1)))),
            "object" => new JsonObject(),
            "array" when schema.TryGetProperty("items", out var items) => new JsonArray(Plausible(items, schemas, random, depth + 1)),
            "array" => new JsonArray(),
            "integer" or "number" => JsonValue.Create(random.Next(1, 5)),
            "boolean" => JsonValue.Create(random.Next(2) == 0),
            "string" => format switch
            {
                "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
                "date" => JsonValue.Create(DateTime.UtcNow.AddDays(random.Next(1, 30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                "date-time" => JsonValue.Create(DateTime.UtcNow.AddDays(random.Next(1, 30)).ToString("yyyy-MM-ddT17:00:00Z", CultureInfo.InvariantCulture)),
                "time" => JsonValue.Create("10:00:00"),
                _ => JsonValue.Create("Fuzz " + random.Next(1000).ToString(CultureInfo.InvariantCulture)),
            },
            _ => null,
        };
    }
}
