using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Demo;
using Dealership.Domain.Orders;
using Dealership.Domain.Parts;
using Dealership.Domain.Service;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dealership.IntegrationTests;

/// <summary>
/// One rule, every door: every staff page form handler × every role that may not do the act it sends. Each
/// cell posts a well-formed form (real records, a valid antiforgery token, a signed-in cookie) and must be
/// refused, and after all cells the database is exactly as before. A page handler missing from the table
/// fails the test, so no form ships without declaring which act it performs.
/// </summary>
public sealed partial class PageFormAuthorizationTests
{
    private DealershipApp _app = null!;
    private Ids _ids = null!;

    private sealed record Ids(Guid Customer, Guid Order, long OrderVersion, Guid Appointment, long AppointmentVersion, Guid Advisor,
        Guid PartsOrder, long PartsOrderVersion, Guid Part, Guid Notification, Guid Task, Guid Vehicle, Guid Supplier, long SupplierVersion)
    {
        public Guid TradeIn { get; init; }

        public long TradeInVersion { get; init; }
    }

    /// <summary>A page handler, the act it performs, where it posts, and a form a permitted person would send.</summary>
    private sealed record Cell(string Handler, Access? Act, string Path, Func<Ids, Dictionary<string, string>> Form);

    private static Dictionary<string, string> F(params (string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);

    /// <summary>Act null: not a staff act (sign-in, site switch, the customer's own tracking page with its token).</summary>
    private static readonly Cell[] Table =
    [
        new("Login:", null, "/login", _ => []),
        new("Logout:", null, "/logout", _ => []),
        new("Site:", null, "/site", _ => []),
        new("Error:", null, "/error", _ => []),
        new("Status:", null, "/status/404", _ => []),
        new("Track/Index:", null, "/track/x", _ => []),
        new("Track/Index:Slot", null, "/track/x", _ => []),
        new("Track/Index:ConfirmVisit", null, "/track/x", _ => []),
        new("Track/Index:MoveVisit", null, "/track/x", _ => []),
        new("Track/Index:Write", null, "/track/x", _ => []),
        new("Track/Index:TradeIn", null, "/track/x", _ => []),
        new("Track/Index:Reappraisal", null, "/track/x", _ => []),
        new("Track/Index:Seen", null, "/track/x", _ => []),
        new("Track/Index:ExtraWork", null, "/track/x", _ => []),
        new("Track/Index:ProposalsSeen", null, "/track/x", _ => []),
        new("Track/Index:BookVisit", null, "/track/x", _ => []),
        new("TradeIns/New:", Access.RequestTradeIns, "/trade-ins/new?customerId={customer}", _ => F(("Input.Vin", "1HGCM82633A004352"), ("Input.Year", "2003"),
            ("Input.Make", "Honda"), ("Input.Model", "Accord"), ("Input.Mileage", "120000"), ("Input.Keys", "2"), ("Input.Title", "InHand"))),
        new("TradeIns/Details:Appraise", Access.ManageTradeIns, "/trade-ins/{tradeIn}", i => F(("marketValue", "12000"), ("marketSource", "Auction"), ("margin", "1000"),
            ("hold", "Locked"), ("version", i.TradeInVersion.ToString()))),
        new("TradeIns/Details:Extend", Access.RequestTradeIns, "/trade-ins/{tradeIn}", _ => F(("extendTo", "2026-12-10"), ("reason", "Page test"))),
        new("TradeIns/Details:Answer", Access.RequestTradeIns, "/trade-ins/{tradeIn}", i => F(("accepted", "true"), ("toldUsBy", "Phone"), ("version", i.TradeInVersion.ToString()))),
        new("TradeIns/Index:DealRules", Access.ManageSite, "/trade-ins", _ => F(("salesTaxPercent", "7.25"), ("tradeInReducesTax", "true"), ("lienholderNoticeDays", "7"),
            ("payoffDays", "21"), ("cancellationWindowDays", "3"), ("version", "0"))),
        new("TradeIns/Details:Photo", Access.RequestTradeIns, "/trade-ins/{tradeIn}", _ => []),
        new("TradeIns/Details:Withdraw", Access.RequestTradeIns, "/trade-ins/{tradeIn}", i => F(("version", i.TradeInVersion.ToString()))),
        new("TradeIns/Details:Purchase", Access.ManageTradeIns, "/trade-ins/{tradeIn}", i => F(("mileage", "75000"), ("keysReceived", "2"), ("conditionConfirmed", "true"),
            ("titleReceived", "true"), ("payoutReference", "CHK-1"), ("version", i.TradeInVersion.ToString()))),
        new("TradeIns/Details:Lienholder", Access.ManageTradeIns, "/trade-ins/{tradeIn}", i => F(("version", i.TradeInVersion.ToString()))),
        new("TradeIns/Details:Quote", Access.ManageTradeIns, "/trade-ins/{tradeIn}", i => F(("payoff", "12000"), ("goodUntil", "2026-12-20"), ("version", i.TradeInVersion.ToString()))),
        new("TradeIns/Details:Payoff", Access.ManageTradeIns, "/trade-ins/{tradeIn}", i => F(("amount", "12000"), ("reference", "ACH-1"), ("version", i.TradeInVersion.ToString()))),
        new("TradeIns/Details:ConfirmPayoff", Access.ManageTradeIns, "/trade-ins/{tradeIn}", i => F(("version", i.TradeInVersion.ToString()))),
        new("TradeIns/Details:Sell", Access.ManageTradeIns, "/trade-ins/{tradeIn}", i => F(("channel", "Retail"), ("version", i.TradeInVersion.ToString()))),
        new("Customers/New:", Access.EditCustomers, "/customers/new", _ => F(("Input.FirstName", "Page"), ("Input.LastName", "Walker"),
            ("Input.Email", "page.walker@example.com"), ("Input.PreferredChannel", "Email"), ("Input.Language", "en"), ("Input.EmailConsent", "true"))),
        new("Customers/Details:AddVehicle", Access.EditCustomers, "/customers/{customer}", _ => F(("Vehicle.Vin", "1HGCM82633A004352"),
            ("Vehicle.Year", "2003"), ("Vehicle.Make", "Honda"), ("Vehicle.Model", "Accord"))),
        new("Customers/Details:Preferences", Access.EditCustomers, "/customers/{customer}", _ => F(("Preferences.PreferredChannel", "Email"),
            ("Preferences.Language", "en"), ("Preferences.EmailConsent", "true"), ("Preferences.Version", "1"))),
        new("Customers/Details:Details", Access.EditCustomers, "/customers/{customer}", _ => F(("Details.FirstName", "Changed"),
            ("Details.LastName", "Name"), ("Details.Version", "1"))),
        new("Customers/Details:Message", Access.EditCustomers, "/customers/{customer}", _ => F(("MessageText", "Hello from a page"))),
        new("Customers/Details:Contact", Access.EditCustomers, "/customers/{customer}", _ => F(("kind", "Call"), ("fromCustomer", "true"), ("summary", "Asked about the car"))),
        new("Customers/Details:RevokeLinks", Access.EditCustomers, "/customers/{customer}", _ => []),
        new("Inbox/Index:Answer", Access.EditCustomers, "/inbox", i => F(("taskId", i.Task.ToString()), ("customerId", i.Customer.ToString()), ("text", "Answered"))),
        new("Templates/Edit:Preview", Access.ManageSite, "/templates/order.placed/Sms/en", _ => F(("body", "Hi {{ firstName }} {{ link }}"))),
        new("Templates/Edit:Save", Access.ManageSite, "/templates/order.placed/Sms/en", _ => F(("body", "Hi {{ firstName }} {{ link }}"), ("version", "0"))),
        new("Templates/Edit:Revert", Access.ManageSite, "/templates/order.placed/Sms/en", _ => F(("version", "0"))),
        new("Inbox/Index:Done", Access.AnyStaff, "/inbox", i => F(("taskId", i.Task.ToString()))),
        new("Inbox/Index:Reassign", Access.AnyStaff, "/inbox", i => F(("taskId", i.Task.ToString()), ("to", "queue"))),
        new("Outbox/Index:Resend", Access.ManageSite, "/outbox", i => F(("id", i.Notification.ToString()))),
        new("Orders/New:", Access.WriteOrders, "/orders/new?customerId={customer}", _ => F(("Year", "2027"), ("Make", "Toyota"), ("model", "RAV4"), ("Price", "35000"))),
        new("Orders/Details:Collection", Access.WriteOrders, "/orders/{order}", _ => F(("startsAt", "2026-12-01T17:00:00Z"), ("toldUsBy", "Phone"))),
        new("Orders/Details:Propose", Access.WriteOrders, "/orders/{order}", _ => F(("startsAt", "2026-12-01T17:00:00Z"))),
        new("Orders/Details:Decide", Access.WriteOrders, "/orders/{order}", _ => F(("action", "FeeWaiver"), ("amount", "10.00"), ("why", "Loyalty"), ("reason", "Page test"))),
        new("Orders/Details:Deliver", Access.WriteOrders, "/orders/{order}", i => F(("version", i.OrderVersion.ToString()), ("newCarKeys", "2"))),
        new("Orders/Details:Milestone", Access.WriteOrders, "/orders/{order}", i => F(("milestone", "FactoryConfirmed"), ("version", i.OrderVersion.ToString()))),
        new("Orders/Details:Promise", Access.WriteOrders, "/orders/{order}", i => F(("milestone", "Delivered"), ("promisedDate", "2027-03-01"),
            ("reason", "Factory delay"), ("version", i.OrderVersion.ToString()))),
        new("Orders/Details:Checklist", Access.WriteOrders, "/orders/{order}", _ => F(("item", "PreDeliveryInspection"), ("done", "true"))),
        new("Orders/Details:Settle", Access.ManageSite, "/orders/{order}", _ => F(("paymentId", Guid.NewGuid().ToString()), ("settle", "Cleared"))),
        new("Orders/Details:Payment", Access.WriteOrders, "/orders/{order}", _ => F(("method", "Card"), ("amount", "100"), ("reference", "page-test"))),
        new("Orders/Details:Cancel", Access.WriteOrders, "/orders/{order}", i => F(("reason", "Changed mind"), ("version", i.OrderVersion.ToString()))),
        new("Parts/Index:Send", Access.WriteParts, "/parts", i => F(("orderId", i.PartsOrder.ToString()), ("version", i.PartsOrderVersion.ToString()))),
        new("Parts/Index:Confirm", Access.WriteParts, "/parts", i => F(("orderId", i.PartsOrder.ToString()), ("eta", "2026-12-02"), ("version", i.PartsOrderVersion.ToString()))),
        new("Parts/Index:Receive", Access.WriteParts, "/parts", i => F(("orderId", i.PartsOrder.ToString()), ("partId", i.Part.ToString()), ("quantity", "1"))),
        new("Parts/Index:AddSupplier", Access.WriteParts, "/parts", _ => F(("supplierName", "Page Test Supply"), ("orderEmail", "orders@pagetest.example.com"))),
        new("Parts/Index:SupplierTerms", Access.WriteParts, "/parts", i => F(("supplierId", i.Supplier.ToString()), ("orderEmail", "new@pagetest.example.com"),
            ("autoSend", "true"), ("version", i.SupplierVersion.ToString()))),
        new("Parts/Index:PartSupplier", Access.WriteParts, "/parts", i => F(("partId", i.Part.ToString()), ("supplierId", i.Supplier.ToString()), ("leadTime", "3"), ("cost", "9.50"))),
        new("Parts/Index:AddPart", Access.WriteParts, "/parts", _ => F(("partNumber", "PAGE-TEST-1"), ("description", "Page test part"), ("onHand", "2"), ("price", "12.50"))),
        new("Service/Book:", Access.WriteService, "/service/book", i => F(("customerId", i.Customer.ToString()), ("vehicleId", i.Vehicle.ToString()),
            ("concern", "Noise from the front"), ("walkIn", "true"))),
        new("Service/Index:CheckIn", Access.WriteService, "/service", i => F(("appointmentId", i.Appointment.ToString()), ("mileage", "40000"),
            ("updates", "Text me"), ("readyAt", "2026-11-30T23:00:00Z"), ("version", i.AppointmentVersion.ToString()))),
        new("Service/Index:Recovery", Access.WriteService, "/service", i => F(("appointmentId", i.Appointment.ToString()), ("action", "Coupon"),
            ("amount", "10"), ("reason", "Parts late"))),
        new("Service/Visit:Move", Access.WriteService, "/service/visits/{appointment}", i => F(("slot", $"{i.Advisor}|2026-12-03T17:00:00Z"),
            ("reason", "Customer asked"), ("version", i.AppointmentVersion.ToString()))),
        new("Approvals/Index:Policy", Access.ManageSite, "/approvals", _ => F(("role", "ServiceAdvisor"), ("action", "Goodwill"), ("allowed", "true"), ("limit", "300"), ("reason", "Test"))),
        new("Approvals/Index:Answer", Access.ManageSite, "/approvals", _ => F(("decisionId", Guid.NewGuid().ToString()), ("approved", "true"))),
        new("Approvals/Index:Alerts", Access.ManageSite, "/approvals", _ => F(("mobilePhone", "503-555-0142"), ("textApprovals", "true"))),
        new("Decisions/Index:Outcome", Access.ManageSite, "/decisions", _ => F(("decisionId", Guid.NewGuid().ToString()), ("outcome", "CustomerKept"))),
        new("Workshop/Visit:Start", Access.Workshop, "/workshop/{appointment}", i => F(("version", i.AppointmentVersion.ToString()))),
        new("Workshop/Visit:Inspect", Access.Workshop, "/workshop/{appointment}", i => F(("area[0]", "Tires"), ("rating[0]", "Green"), ("version", i.AppointmentVersion.ToString()))),
        new("Workshop/Visit:Photo", Access.Workshop, "/workshop/{appointment}", _ => []),
        new("Workshop/Visit:Answer", Access.WriteService, "/workshop/{appointment}", i => F(("workId", Guid.NewGuid().ToString()), ("approved", "true"), ("toldUsBy", "Phone"),
            ("version", i.AppointmentVersion.ToString()))),
        new("Workshop/Visit:StartExtra", Access.Workshop, "/workshop/{appointment}", i => F(("workId", Guid.NewGuid().ToString()), ("version", i.AppointmentVersion.ToString()))),
        new("Workshop/Visit:ReadyTime", Access.WriteService, "/workshop/{appointment}", i => F(("readyAt", "2026-12-30T15:00"), ("reason", "Longer than expected"),
            ("version", i.AppointmentVersion.ToString()))),
        new("Workshop/Visit:Ready", Access.Workshop, "/workshop/{appointment}", i => F(("version", i.AppointmentVersion.ToString()))),
        new("Workshop/Visit:Collect", Access.WriteService, "/workshop/{appointment}", i => F(("method", "Card"), ("amount", "10.00"), ("reference", "AUTH 1"),
            ("version", i.AppointmentVersion.ToString()))),
        new("Service/Visit:Cancel", Access.WriteService, "/service/visits/{appointment}", i => F(("reason", "Customer asked"), ("version", i.AppointmentVersion.ToString()))),
        new("Manage/Sites:Save", Access.ManageSite, "/manage/sites", _ => F(("SiteId", Guid.NewGuid().ToString()), ("Name", "Renamed"), ("LabourRate", "100"), ("QuietStart", "20:00"), ("QuietEnd", "08:00"))),
        new("Manage/Sites:DealRules", Access.ManageSite, "/manage/sites", _ => F(("siteId", Guid.NewGuid().ToString()), ("salesTax", "7.5"), ("payoffDays", "21"))),
        new("Manage/Sites:PaymentTerms", Access.ManageSite, "/manage/sites", _ => F(("siteId", Guid.NewGuid().ToString()), ("accepted", "Card"), ("cashLimit", "100"), ("checkClearanceDays", "5"))),
        new("Manage/Sites:Open", Access.ManageSite, "/manage/sites", _ => F(("newCode", "ZZZ"), ("newName", "Test site"), ("newTimeZoneId", "America/Denver"), ("newCurrency", "USD"), ("newPhoneRegion", "US"), ("newLanguages", "en"))),
        new("Manage/Staff:Add", Access.ManageSite, "/manage/staff", _ => F(("email", "new.person@demo.local"), ("displayName", "New Person"), ("password", "a-long-password-1"), ("roles", "Salesperson"))),
        new("Manage/StaffMember:Save", Access.ManageSite, "/manage/staff/00000000-0000-0000-0000-000000000001", _ => F(("displayName", "Renamed"), ("roles", "Salesperson"))),
        new("Manage/StaffMember:Reset", Access.ManageSite, "/manage/staff/00000000-0000-0000-0000-000000000001", _ => F(("temporaryPassword", "a-long-password-1"))),
        new("Manage/StaffMember:Deactivate", Access.ManageSite, "/manage/staff/00000000-0000-0000-0000-000000000001", _ => F(("version", "0"))),
        new("Manage/StaffMember:Reactivate", Access.ManageSite, "/manage/staff/00000000-0000-0000-0000-000000000001", _ => F(("version", "0"))),
        new("Account/Password:", Access.AnyStaff, "/account/password", _ => F(("currentPassword", "x"), ("newPassword", "a-long-password-1"), ("confirmPassword", "a-long-password-1"))),
    ];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new DealershipApp();
        await _app.InitializeAsync();
        var portland = await _app.SiteIdAsync("PDX");
        var salesId = await _app.QueryAsync(db => db.Users.Where(u => u.Email == "sales@demo.local").Select(u => u.Id).SingleAsync());
        _ids = await _app.QueryAsync(async db =>
        {
            var order = await db.Orders.Where(o => o.SiteId == portland && o.OwnerStaffId == salesId && o.CancelledAt == null && o.Status != OrderMilestone.Delivered)
                .Select(o => new { o.Id, o.Version, o.CustomerId }).FirstAsync();
            var visit = await db.Appointments.Where(a => a.SiteId == portland && a.Status == AppointmentStatus.Booked)
                .Select(a => new { a.Id, a.Version, a.AdvisorStaffId, a.CustomerId, a.VehicleId }).FirstAsync();
            var partsOrder = await db.PartsOrders.Where(p => p.SiteId == portland && p.Status == PartsOrderStatus.Draft).Select(p => new { p.Id, p.Version }).FirstAsync();
            var part = await db.Parts.Where(p => p.SiteId == portland).Select(p => p.Id).FirstAsync();
            var notification = await db.Notifications.Select(n => n.Id).FirstAsync();
            var supplier = await db.Suppliers.Select(x => new { x.Id, x.Version }).FirstAsync();
            var task = await db.Tasks.Where(t => t.Status == Domain.Tasks.StaffTaskStatus.Open).Select(t => t.Id).FirstAsync();
            var tradeIn = await db.TradeIns.Where(t => t.SiteId == portland && t.Status == Domain.TradeIns.TradeInStatus.Offered).Select(t => new { t.Id, t.Version }).FirstAsync();
            return new Ids(visit.CustomerId, order.Id, order.Version, visit.Id, visit.Version, visit.AdvisorStaffId, partsOrder.Id, partsOrder.Version,
                part, notification, task, visit.VehicleId, supplier.Id, supplier.Version) { TradeIn = tradeIn.Id, TradeInVersion = tradeIn.Version };
        });
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public void EveryPageFormHandler_DeclaresTheActItPerforms()
    {
        var declared = Table.Select(c => c.Handler).ToHashSet();
        var found = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .Select(m => $"{PageName(t)}:{HandlerName(m.Name)}"))
            .ToHashSet();

        Assert.That(found.Except(declared), Is.Empty, "page handlers missing from the table: declare the act each performs");
        Assert.That(declared.Except(found), Is.Empty, "table rows whose handler no longer exists");
    }

    [Test]
    public async Task EveryFormHandler_RefusesEveryRoleThatMayNotDoItsAct_AndChangesNothing()
    {
        var clients = new Dictionary<string, (HttpClient Client, string Token)>();
        foreach (var (email, _, role, _) in DemoDataSeeder.DemoAccounts)
        {
            clients[role] = await _app.SignInToPagesAsync(email);
        }

        var before = await FingerprintAsync();
        var cells = 0;
        var failures = new List<string>();
        foreach (var cell in Table.Where(c => c.Act is { } act && act != Access.AnyStaff))
        {
            foreach (var role in StaffRoles.All.Where(r => !AccessRules.RolesFor(cell.Act!.Value).Contains(r)))
            {
                cells++;
                var (client, token) = clients[role];
                var response = await PostFormAsync(client, token, cell);
                var body = await response.Content.ReadAsStringAsync();
                var refused = response.StatusCode == HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/denied", StringComparison.Ordinal))
                    || (response.StatusCode == HttpStatusCode.OK && RefusalText().IsMatch(WebUtility.HtmlDecode(body)));
                if (!refused)
                {
                    failures.Add($"{cell.Handler} as {role}: {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.That(cells, Is.GreaterThan(40), "the walk covers every write form for every role without the right");
        TestContext.Out.WriteLine($"page forms: {cells} cells (every form handler × every role without its act) refused");
        Assert.That(failures, Is.Empty);
        Assert.That(await FingerprintAsync(), Is.EqualTo(before), "a refused form changed the database");
    }

    [Test]
    public async Task APermittedRole_PostsTheSameForm_AndItRuns()
    {
        // The control for the walk above: the same harness, a role that may act, and the act happens.
        var (client, token) = await _app.SignInToPagesAsync("service@demo.local");
        var cell = Table.Single(c => c.Handler == "Service/Index:Recovery");

        var response = await PostFormAsync(client, token, cell);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        Assert.That(await _app.QueryAsync(db => db.Decisions.CountAsync(d => d.SubjectId == _ids.Appointment && d.Reason == "Parts late")), Is.EqualTo(1));
    }

    private async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string token, Cell cell)
    {
        var path = cell.Path.Replace("{customer}", _ids.Customer.ToString(), StringComparison.Ordinal)
            .Replace("{order}", _ids.Order.ToString(), StringComparison.Ordinal)
            .Replace("{appointment}", _ids.Appointment.ToString(), StringComparison.Ordinal)
            .Replace("{tradeIn}", _ids.TradeIn.ToString(), StringComparison.Ordinal);
        var handler = cell.Handler.Split(':')[1];
        var url = handler.Length == 0 ? path : $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}";
        var form = cell.Form(_ids);
        form["__RequestVerificationToken"] = token;
        form["__submissionKey"] = Guid.NewGuid().ToString();
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(url, content);
    }

    /// <summary>A hash of every business table's rows (identity tables left out: signing in writes there).</summary>
    private Task<string> FingerprintAsync() => _app.QueryAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'AspNet%' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
#pragma warning disable CA2100 // table names come from sqlite_master, not from input
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
#pragma warning restore CA2100
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    sha.AppendData(Encoding.UTF8.GetBytes($"{table}|{reader.GetValue(i)}\u001f"));
                }
            }
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    });

    private static string PageName(Type pageModel)
    {
        var ns = pageModel.Namespace!["Dealership.Web.Pages".Length..].TrimStart('.').Replace('.', '/');
        var name = pageModel.Name.EndsWith("Model", StringComparison.Ordinal) ? pageModel.Name[..^"Model".Length] : pageModel.Name;
        return ns.Length == 0 ? name : $"{ns}/{name}";
    }

    private static string HandlerName(string method)
    {
        var name = method["OnPost".Length..];
        return name.EndsWith("Async", StringComparison.Ordinal) ? name[..^"Async".Length] : name;
    }

    [GeneratedRegex("Your role does not allow this|Only a manager can do this")]
    private static partial Regex RefusalText();
}
