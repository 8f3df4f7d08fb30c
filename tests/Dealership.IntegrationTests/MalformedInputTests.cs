using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Dealership.IntegrationTests;

/// <summary>
/// Single requests that used to answer 500 (each found by a hostile pass): every one now gets a 4xx problem
/// document that says what to fix, whatever the Accept header, and changes nothing.
/// </summary>
public sealed class MalformedInputTests : SharedAppTests
{
    private sealed record Probe(string Name, string Role, HttpMethod Method, string Path, string? Json, int Expected, string? MediaType = "application/json");

    private async Task<IReadOnlyList<Probe>> ProbesAsync()
    {
        var sales = await App.QueryAsync(db => db.Users.Where(u => u.Email == "sales@demo.local").Select(u => u.Id).SingleAsync());
        var manager = await App.QueryAsync(db => db.Users.Where(u => u.Email == "manager@demo.local").Select(u => u.Id).SingleAsync());
        var order = await App.QueryAsync(db => db.Orders.Where(o => o.OwnerStaffId == sales && o.CancelledAt == null).Select(o => o.Id).FirstAsync());
        var site = await App.SiteIdAsync("PDX");
        var longReason = new string('x', 20_000);
        return
        [
            new("malformed currency", "sales", HttpMethod.Post, $"/api/orders/{order}/payments",
                """{"method":"card","reference":"r1","amount":{"amount":100,"currency":"US$"}}""", 400),
            new("money overflow", "sales", HttpMethod.Post, $"/api/orders/{order}/payments",
                """{"method":"card","reference":"r2","amount":{"amount":9223372036854775807,"currency":"USD"}}""", 400),
            new("null inside availability hours", "manager", HttpMethod.Put, $"/api/staff/{manager}/availability", """{"hours":[null],"blocked":[]}""", 400),
            new("null inside operation parts", "manager", HttpMethod.Post, "/api/service/operations",
                """{"code":"NULL-PART","description":"Null part","labourMinutes":10,"parts":[null]}""", 400),
            new("null inside receipt lines", "parts", HttpMethod.Post, "/api/parts/receipts",
                """{"partsOrderId":"00000000-0000-0000-0000-000000000001","lines":[null]}""", 400),
            new("primary site without sites", "manager", HttpMethod.Post, "/api/staff",
                $$"""{"email":"nosites@demo.local","displayName":"No Sites","password":"Correct-Horse-1","roles":["Salesperson"],"primarySiteId":"{{site}}"}""", 400),
            new("promise in year 9999", "sales", HttpMethod.Put, $"/api/orders/{order}/promises/delivered", """{"promisedDate":"9999-12-31","reason":"Late"}""", 400),
            new("availability from year 9999", "service", HttpMethod.Get, "/api/service/availability?from=9999-12-31", null, 400),
            new("lane in year 9999", "service", HttpMethod.Get, "/api/service/lane?date=9999-12-31", null, 400),
            new("20,000-character blocked-time reason", "manager", HttpMethod.Put, $"/api/staff/{manager}/availability",
                $$"""{"hours":[],"blocked":[{"from":"2026-12-01T17:00:00Z","until":"2026-12-01T18:00:00Z","reason":"{{longReason}}"}]}""", 400),
            new("terminal escape in a name", "sales", HttpMethod.Post, "/api/customers",
                """{"firstName":"Eve\u001b[31m","lastName":"Escape","email":"eve.escape@example.com","preferredChannel":"email","emailConsent":true}""", 400),
            new("inbound webhook with JSON", "anonymous", HttpMethod.Post, "/webhooks/twilio/inbound", """{"From":"+15035550100"}""", 415),
            new("inbound webhook without content type", "anonymous", HttpMethod.Post, "/webhooks/twilio/inbound", "From=x", 415, MediaType: null),
            new("status webhook with 1,100 fields", "anonymous", HttpMethod.Post, $"/webhooks/twilio/status/{Guid.NewGuid()}",
                string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1")), 413, "application/x-www-form-urlencoded"),
            new("unknown route", "sales", HttpMethod.Get, "/api/nothing-here", null, 404),
        ];
    }

    [Test]
    public async Task EachRequest_GetsA4xxProblem_EvenAskingForXml_AndChangesNothing()
    {
        var clients = new Dictionary<string, HttpClient>
        {
            ["sales"] = await App.SalesAsync(), ["manager"] = await App.ManagerAsync(), ["service"] = await App.ServiceAsync(),
            ["parts"] = await App.PartsAsync(), ["anonymous"] = App.CreateClient(),
        };
        var before = await CountsAsync();
        var failures = new List<string>();

        foreach (var probe in await ProbesAsync())
        {
            using var request = new HttpRequestMessage(probe.Method, probe.Path);
            if (probe.Json is not null)
            {
                request.Content = new StringContent(probe.Json, Encoding.UTF8);
                request.Content.Headers.ContentType = probe.MediaType is null ? null : new MediaTypeHeaderValue(probe.MediaType);
            }

            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"));
            var response = await clients[probe.Role].SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != probe.Expected || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || !body.Contains("\"detail\"", StringComparison.Ordinal))
            {
                failures.Add($"{probe.Name}: {(int)response.StatusCode} {response.Content.Headers.ContentType} {body[..Math.Min(200, body.Length)]}");
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.That(failures, Is.Empty);
        Assert.That(await CountsAsync(), Is.EqualTo(before), "rejected requests change nothing");
    }

    [Test]
    public async Task FieldErrors_NameTheJsonField_InCamelCase()
    {
        using var sales = await App.SalesAsync();
        var order = (await ProbesAsync())[0];
        using var content = new StringContent(order.Json!, Encoding.UTF8, "application/json");

        var response = await sales.PostAsync(order.Path, content);

        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.That(errors.TryGetProperty("amount.currency", out var currency), Is.True, errors.ToString());
        Assert.That(currency[0].GetString(), Does.Contain("three-letter ISO 4217"));
    }

    [TestCase("manager", "POST", "/api/decisions/{id}/approval", """{"reason":"Fine by me"}""", "'approved'")]
    [TestCase("service", "POST", "/api/service/appointments/{id}/recovery", """{"reason":"Parts late","amount":{"amount":500,"currency":"USD"}}""", "'action'")]
    [TestCase("sales", "PUT", "/api/orders/{order}/checklist/insuranceProof", "{}", "'done'")]
    [TestCase("sales", "PUT", "/api/customers/{customer}/contact-preferences", """{"language":"es"}""", "'smsConsent'")]
    public async Task AChoiceLeftOut_IsRefused_NamingIt_NotTakenAsNoOrTheFirstOption(string role, string method, string path, string json, string field)
    {
        // Read as the type's zero, these declined an approval, moved a visit, unticked a checklist item or withdrew consent.
        var client = role switch { "manager" => await App.ManagerAsync(), "service" => await App.ServiceAsync(), _ => await App.SalesAsync() };
        var sales = await App.QueryAsync(db => db.Users.Where(u => u.Email == "sales@demo.local").Select(u => u.Id).SingleAsync());
        var order = await App.QueryAsync(db => db.Orders.Where(o => o.OwnerStaffId == sales && o.CancelledAt == null).Select(o => new { o.Id, o.CustomerId }).FirstAsync());
        var decision = await App.QueryAsync(db => db.Decisions.Select(d => d.Id).FirstOrDefaultAsync());
        var visit = await App.QueryAsync(db => db.Appointments.Where(a => a.Status == Dealership.Domain.Service.AppointmentStatus.Booked).Select(a => a.Id).FirstAsync());
        var before = await CountsAsync();
        var consent = await App.QueryAsync(db => db.Customers.Where(c => c.Id == order.CustomerId).Select(c => new { c.SmsConsent, c.EmailConsent, c.Version }).SingleAsync());
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var target = path.Replace("{id}", (path.Contains("decisions", StringComparison.Ordinal) ? decision : visit).ToString(), StringComparison.Ordinal)
            .Replace("{order}", order.Id.ToString(), StringComparison.Ordinal).Replace("{customer}", order.CustomerId.ToString(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), target) { Content = content };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{consent.Version}\"");

        var response = await client.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        var detail = (await response.ReadJsonAsync()).GetProperty("detail").GetString();
        Assert.That(detail, Does.Contain(field).And.Contain("no default"));
        Assert.That(await CountsAsync(), Is.EqualTo(before));
        Assert.That(await App.QueryAsync(db => db.Customers.Where(c => c.Id == order.CustomerId).Select(c => new { c.SmsConsent, c.EmailConsent, c.Version }).SingleAsync()),
            Is.EqualTo(consent));
    }

    private Task<string> CountsAsync() => App.QueryAsync(async db =>
        $"{await db.Payments.CountAsync()}/{await db.Customers.CountAsync()}/{await db.ServiceOperations.CountAsync()}/{await db.StaffAvailability.CountAsync()}/" +
        $"{await db.Users.CountAsync()}/{await db.Tasks.CountAsync()}/{await db.Orders.SumAsync(o => o.Version)}/{await db.Decisions.CountAsync()}/" +
        $"{await db.Decisions.Where(d => d.Status != Dealership.Domain.Decisions.DecisionStatus.AwaitingApproval).CountAsync()}/{await db.Appointments.SumAsync(a => a.Version)}");
}
