using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dealership.Application.Common;
using Dealership.Application.Demo;

namespace Dealership.IntegrationTests;

/// <summary>
/// Every route in the OpenAPI document × anonymous and each staff role, against a checked-in table of the act
/// each route performs. Anonymous is 401 wherever a person must sign in; a role the access table does not allow
/// is 403 before anything is read or bound; an allowed role is never 401 or 403 (it may be 400 or 404: the ids
/// here are random). A route missing from the table fails, so nothing ships without declaring who may use it.
/// </summary>
public sealed partial class RouteAuthorizationMatrixTests : SharedAppTests
{
    /// <summary>Who may call each route: an <see cref="Access"/>, or null for the open doors (sign-in; webhooks check a signature instead).</summary>
    private static readonly Dictionary<string, Access?> Table = new(StringComparer.Ordinal)
    {
        ["POST /api/auth/token"] = null,
        ["POST /webhooks/twilio/status/{id}"] = null,
        ["POST /webhooks/twilio/inbound"] = null,
        ["GET /api/sites"] = Access.AnyStaff,
        ["GET /api/sites/{id}"] = Access.AnyStaff,
        ["POST /api/sites"] = Access.ManageSite,
        ["PUT /api/sites/{id}"] = Access.ManageSite,
        ["POST /api/staff/me/password"] = Access.AnyStaff,
        ["GET /api/staff/{id}"] = Access.ManageSite,
        ["PUT /api/staff/{id}"] = Access.ManageSite,
        ["POST /api/staff/{id}/deactivate"] = Access.ManageSite,
        ["POST /api/staff/{id}/reactivate"] = Access.ManageSite,
        ["POST /api/staff/{id}/password-reset"] = Access.ManageSite,
        ["GET /api/staff/{id}/availability"] = Access.AnyStaff,
        ["PUT /api/staff/{id}/availability"] = Access.AnyStaff,
        ["GET /api/staff"] = Access.ManageSite,
        ["POST /api/staff"] = Access.ManageSite,
        ["GET /api/customers"] = Access.AnyStaff,
        ["POST /api/customers"] = Access.EditCustomers,
        ["GET /api/customers/{id}"] = Access.AnyStaff,
        ["PUT /api/customers/{id}/contact-preferences"] = Access.EditCustomers,
        ["PUT /api/customers/{id}/contact-details"] = Access.EditCustomers,
        ["GET /api/customers/{id}/vehicles"] = Access.AnyStaff,
        ["POST /api/customers/{id}/vehicles"] = Access.EditCustomers,
        ["POST /api/customers/{id}/messages"] = Access.EditCustomers,
        ["GET /api/customers/{id}/journey"] = Access.AnyStaff,
        ["POST /api/customers/{id}/tracking-links/revocation"] = Access.EditCustomers,
        ["GET /api/notifications"] = Access.AnyStaff,
        ["POST /api/notifications/{id}/resend"] = Access.ManageSite,
        ["GET /api/tasks"] = Access.AnyStaff,
        ["POST /api/tasks/{id}/done"] = Access.AnyStaff,
        ["POST /api/tasks/{id}/owner"] = Access.AnyStaff,
        ["GET /api/tasks/colleagues"] = Access.AnyStaff,
        ["GET /api/decisions"] = Access.ReadDecisions,
        ["GET /api/deliveries/board"] = Access.ReadOrders,
        ["GET /api/orders"] = Access.ReadOrders,
        ["POST /api/orders"] = Access.WriteOrders,
        ["GET /api/orders/{id}"] = Access.ReadOrders,
        ["POST /api/orders/{id}/milestones"] = Access.WriteOrders,
        ["PUT /api/orders/{id}/promises/{milestone}"] = Access.WriteOrders,
        ["POST /api/orders/{id}/cancellation"] = Access.WriteOrders,
        ["PUT /api/orders/{id}/checklist/{item}"] = Access.WriteOrders,
        ["POST /api/orders/{id}/payments"] = Access.WriteOrders,
        ["GET /api/orders/{id}/collection-slots"] = Access.ReadOrders,
        ["POST /api/orders/{id}/collection"] = Access.WriteOrders,
        ["POST /api/orders/{id}/collection-proposals"] = Access.WriteOrders,
        ["POST /api/orders/{id}/delivery"] = Access.WriteOrders,
        ["GET /api/orders/{id}/balance"] = Access.ReadOrders,
        ["POST /api/orders/{id}/rescission"] = Access.ManageSite,
        ["POST /api/trade-ins"] = Access.RequestTradeIns,
        ["GET /api/trade-ins"] = Access.ReadTradeIns,
        ["GET /api/trade-ins/{id}"] = Access.ReadTradeIns,
        ["POST /api/trade-ins/{id}/appraisal"] = Access.ManageTradeIns,
        ["POST /api/trade-ins/{id}/acceptance"] = Access.RequestTradeIns,
        ["POST /api/trade-ins/{id}/withdrawal"] = Access.RequestTradeIns,
        ["POST /api/trade-ins/{id}/purchase"] = Access.ManageTradeIns,
        ["POST /api/trade-ins/{id}/lienholder-notice"] = Access.ManageTradeIns,
        ["PUT /api/trade-ins/{id}/payoff-quote"] = Access.ManageTradeIns,
        ["POST /api/trade-ins/{id}/payoff"] = Access.ManageTradeIns,
        ["POST /api/trade-ins/{id}/payoff-confirmation"] = Access.ManageTradeIns,
        ["POST /api/trade-ins/{id}/sale"] = Access.ManageTradeIns,
        ["GET /api/custody"] = Access.ManageSite,
        ["PUT /api/sites/{id}/deal-rules"] = Access.ManageSite,
        ["POST /api/trade-ins/{id}/photos"] = Access.RequestTradeIns,
        ["GET /api/trade-ins/{id}/photos/{photoId}"] = Access.ReadTradeIns,
        ["GET /api/promises"] = Access.AnyStaff,
        ["POST /api/promises"] = Access.AnyStaff,
        ["GET /api/promises/stats"] = Access.AnyStaff,
        ["POST /api/promises/{id}/kept"] = Access.AnyStaff,
        ["POST /api/promises/{id}/withdrawn"] = Access.AnyStaff,
        ["GET /api/service/operations"] = Access.ReadService,
        ["POST /api/service/operations"] = Access.ManageSite,
        ["GET /api/service/availability"] = Access.ReadService,
        ["GET /api/service/parts-check"] = Access.ReadService,
        ["GET /api/service/appointments"] = Access.ReadService,
        ["POST /api/service/appointments"] = Access.WriteService,
        ["GET /api/service/appointments/{id}"] = Access.ReadService,
        ["POST /api/service/appointments/{id}/reschedule"] = Access.WriteService,
        ["POST /api/service/appointments/{id}/cancellation"] = Access.WriteService,
        ["POST /api/service/appointments/{id}/check-in"] = Access.WriteService,
        ["POST /api/service/appointments/{id}/recovery"] = Access.WriteService,
        ["GET /api/service/workshop"] = Access.Workshop,
        ["POST /api/decisions"] = Access.ReadDecisions,
        ["PUT /api/sites/{id}/payment-terms"] = Access.ManageSite,
        ["PUT /api/staff/me/alerts"] = Access.AnyStaff,
        ["POST /api/decisions/{id}/approval"] = Access.ManageSite,
        ["GET /api/policies"] = Access.ReadDecisions,
        ["POST /api/customers/{id}/contacts"] = Access.EditCustomers,
        ["POST /api/decisions/{id}/outcome"] = Access.ManageSite,
        ["GET /api/analytics/journey"] = Access.ManageSite,
        ["GET /api/analytics/journey/ocel"] = Access.ManageSite,
        ["GET /api/customers/{id}/journey/ocel"] = Access.ManageSite,
        ["GET /api/customers/{id}/journey/silences"] = Access.AnyStaff,
        ["PUT /api/policies"] = Access.ManageSite,
        ["POST /api/orders/{id}/payments/{paymentId}/settlement"] = Access.ManageSite,
        ["GET /api/service/appointments/{id}/workshop"] = Access.Workshop,
        ["POST /api/service/appointments/{id}/start"] = Access.Workshop,
        ["POST /api/service/appointments/{id}/inspection"] = Access.Workshop,
        ["POST /api/service/appointments/{id}/inspection/{finding}/photos"] = Access.Workshop,
        ["GET /api/service/appointments/{id}/photos/{photoId}"] = Access.Workshop,
        ["POST /api/service/appointments/{id}/extra-work/{workId}/start"] = Access.Workshop,
        ["POST /api/service/appointments/{id}/ready"] = Access.Workshop,
        ["POST /api/service/appointments/{id}/extra-work/{workId}/answer"] = Access.WriteService,
        ["POST /api/service/appointments/{id}/collection"] = Access.WriteService,
        ["POST /api/service/appointments/{id}/ready-time"] = Access.WriteService,
        ["GET /api/service/lane"] = Access.ReadService,
        ["POST /api/service/parts-planning"] = Access.ManageSite,
        ["GET /api/parts"] = Access.ReadParts,
        ["POST /api/parts"] = Access.WriteParts,
        ["GET /api/parts/{id}"] = Access.ReadParts,
        ["PUT /api/parts/{id}"] = Access.WriteParts,
        ["POST /api/parts/{id}/suppliers"] = Access.WriteParts,
        ["GET /api/parts/orders"] = Access.ReadParts,
        ["POST /api/parts/orders/{id}/approval"] = Access.WriteParts,
        ["POST /api/parts/orders/{id}/confirmation"] = Access.WriteParts,
        ["POST /api/parts/receipts"] = Access.WriteParts,
        ["GET /api/parts/shortages"] = Access.ReadParts,
        ["GET /api/suppliers"] = Access.ReadParts,
        ["POST /api/suppliers"] = Access.WriteParts,
        ["PUT /api/suppliers/{id}"] = Access.WriteParts,
        ["GET /api/templates"] = Access.ManageSite,
        ["GET /api/templates/{key}/{channel}/{language}"] = Access.ManageSite,
        ["PUT /api/templates/{key}/{channel}/{language}"] = Access.ManageSite,
        ["POST /api/templates/{key}/{channel}/{language}/preview"] = Access.ManageSite,
        ["POST /api/templates/{key}/{channel}/{language}/reversion"] = Access.ManageSite,
    };

    private async Task<List<(string Method, string Path)>> RoutesAsync()
    {
        using var anonymous = App.CreateClient();
        var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement;
        return [.. document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(op => op.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(op => (op.Name.ToUpperInvariant(), path.Name)))];
    }

    [Test]
    public async Task EveryRoute_IsInTheTable_AndEveryRowStillExists()
    {
        var routes = (await RoutesAsync()).Select(r => $"{r.Method} {r.Path}").ToHashSet(StringComparer.Ordinal);
        Assert.That(routes, Has.Count.GreaterThan(60), "the document lists the API");
        Assert.That(routes.Except(Table.Keys), Is.Empty, "routes missing from the table: declare who may use each");
        Assert.That(Table.Keys.Except(routes), Is.Empty, "table rows whose route no longer exists");
    }

    [Test]
    public async Task EveryRoute_RefusesWhoItShould_AndLetsThroughWhoItShould()
    {
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = App.CreateClient() };
        foreach (var (email, _, role, _) in DemoDataSeeder.DemoAccounts)
        {
            clients[role] = await App.ClientForAsync(email);
        }

        var failures = new List<string>();
        var cells = 0;
        foreach (var (method, path) in await RoutesAsync())
        {
            if (!Table.TryGetValue($"{method} {path}", out var access))
            {
                continue; // reported by the test above
            }

            var url = Placeholder().Replace(path, _ => Guid.NewGuid().ToString());
            foreach (var (who, client) in clients)
            {
                cells++;
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                var status = (await client.SendAsync(request)).StatusCode;
                var expected = access is not { } needed ? "open"
                    : who == "anonymous" ? "401"
                    : AccessRules.RolesFor(needed).Contains(who) ? "through" : "403";
                var ok = expected switch
                {
                    "open" => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) || path.StartsWith("/webhooks", StringComparison.Ordinal),
                    "401" => status == HttpStatusCode.Unauthorized,
                    "403" => status == HttpStatusCode.Forbidden,
                    _ => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500,
                };
                if (!ok)
                {
                    failures.Add($"{method} {path} as {who}: {(int)status}, expected {expected}");
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.That(cells, Is.GreaterThan(400), "every route for every caller");
        TestContext.Out.WriteLine($"route matrix: {cells} cells (every route × anonymous and each role) checked");
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task TheJobsDashboard_IsForManagersOnly()
    {
        using var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        var outside = await anonymous.GetAsync("/hangfire");
        Assert.That(outside.StatusCode, Is.AnyOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect), "no dashboard without signing in");
        Assert.That((int)outside.StatusCode, Is.Not.EqualTo(200));
        foreach (var (email, _, role, _) in DemoDataSeeder.DemoAccounts)
        {
            using var client = await App.ClientForAsync(email);
            var response = await client.GetAsync("/hangfire");
            Assert.That(response.StatusCode, Is.EqualTo(role == "Manager" ? HttpStatusCode.OK : HttpStatusCode.Forbidden), role);
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}
