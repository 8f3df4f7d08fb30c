using System.Net;
using System.Net.Http.Json;
using Dealership.Application.Data;
using Dealership.Application.Notifications;
using Dealership.Application.Parts;
using Mediator;
using Dealership.Domain.Parts;
using Dealership.Domain.Service;
using Dealership.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

/// <summary>
/// Parts: the pre-ordering job over the demo workshop (clock Sunday 22 Nov 2026), supplier choice, orders,
/// receipts and allocation, shortages, the stock guards, and the job's constant number of queries.
/// </summary>
public sealed class PartsTests : FreshAppTests
{
    private readonly CommandCounter _counter = new();
    private readonly ChangedMeanwhile _meanwhile = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<DealershipDbContext>(o => o.AddInterceptors(_counter, _meanwhile));

    private static DateTime Portland(int month, int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, month, day, hour, minute, 0), TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));

    private Task<Guid> SupplierAsync(string name) => App.QueryAsync(db => db.Suppliers.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    /// <summary>Books a visit for a new customer of the test's own (the demo's seeded visits are story 002's cases).</summary>
    private async Task<Guid> BookAsync(DateTime startsAt, params string[] codes)
    {
        using var advisor = await App.ServiceAsync();
        var who = await Arrange.CustomerWithCarAsync(App);
        var (customer, vehicle) = (who.CustomerId, who.VehicleId);
        var response = await advisor.PostAsJsonAsync("/api/service/appointments", new { customerId = customer, vehicleId = vehicle, concern = "As described on the phone", operationCodes = codes, startsAt });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private Task<PartsOrder> DraftOfAsync(string supplier) =>
        App.QueryAsync(async db =>
        {
            var id = await db.Suppliers.Where(s => s.Name == supplier).Select(s => s.Id).SingleAsync();
            return await db.PartsOrders.AsNoTracking().SingleAsync(o => o.SupplierId == id && o.Status == PartsOrderStatus.Draft);
        });

    [Test]
    public async Task TheJob_ReservesStock_OrdersInTimeFromTheCheapest_AndWarnsEarlyWhenNobodyCanMakeIt()
    {
        var james = await App.AppointmentOfAsync("james.whitaker@example.com");
        var motor = james.PartLines.Single();
        Assert.That(motor.State, Is.EqualTo(PartLineState.OnOrder), "story 002: the wiper motor is ordered weeks ahead, not at check-in");
        Assert.That(motor.Eta, Is.EqualTo(new DateOnly(2026, 11, 26)), "OEM: 3 working days; Pacific is cheaper but 6 days is too late for Monday 30th");
        var oemOrder = await App.QueryAsync(db => db.PartsOrders.AsNoTracking().SingleAsync(o => o.Id == motor.PartsOrderId));
        Assert.That(oemOrder.Status, Is.EqualTo(PartsOrderStatus.Sent), "OEM is an auto-send supplier");
        Assert.That(await App.QueryAsync(db => db.SupplierEmails.AnyAsync(e => e.PartsOrderId == oemOrder.Id && e.To == "orders@oem-parts.example.com")), Is.True);

        var pacific = await DraftOfAsync("Pacific Auto Supply");
        Assert.That(pacific.Lines.Select(l => (l.PartNumber, l.Quantity)),
            Is.EquivalentTo(new[] { ("45251-TG7-A01", 2), ("14400-RCA-A01-KIT", 1) }), "one order per supplier, grouping the lines; waits for the clerk");

        var charlotte = await App.AppointmentOfAsync("charlotte.hayes@example.com");
        Assert.That(charlotte.Readiness, Is.EqualTo(PartsReadiness.AtRisk));
        var task = await App.QueryAsync(db => db.Tasks.SingleAsync(t => t.SubjectId == charlotte.Id));
        Assert.That(task.OwnerStaffId, Is.EqualTo(charlotte.AdvisorStaffId));
        Assert.That(task.Title, Does.Contain("Parts will not make it"));
        var notice = await App.QueryAsync(db => db.Notifications.SingleAsync(n => n.CustomerId == charlotte.CustomerId && n.TemplateKey == MessageTemplates.ServiceAtRisk));
        Assert.That(Messages.Read(notice), Does.Contain("(expected Thu, Dec"), "the customer is told when the part is expected");

        Assert.That((await App.AppointmentOfAsync("olivia.bennett@example.com")).Readiness, Is.EqualTo(PartsReadiness.Ready));
    }

    [Test]
    public async Task RunningTheJobAgain_ReservesAndOrdersNothingTwice()
    {
        var before = await App.QueryAsync(async db => (await db.PartsOrders.SelectMany(o => o.Lines).SumAsync(l => l.Quantity), await db.Parts.SumAsync(p => p.Reserved),
            await db.Notifications.CountAsync(), await db.Tasks.CountAsync()));
        var report = await App.PlanAsync();
        var after = await App.QueryAsync(async db => (await db.PartsOrders.SelectMany(o => o.Lines).SumAsync(l => l.Quantity), await db.Parts.SumAsync(p => p.Reserved),
            await db.Notifications.CountAsync(), await db.Tasks.CountAsync()));

        Assert.That((report.LinesReserved, report.LinesOrdered, report.OrdersCreated, report.BecameAtRisk), Is.EqualTo((0, 0, 0, 0)));
        Assert.That(after, Is.EqualTo(before));
    }

    [Test]
    public async Task ANewBooking_IsOrderedTheSameDay_FromTheCheapestSupplierThatMakesIt()
    {
        var id = await BookAsync(Portland(12, 8, 9), "WIPER-MOTOR");
        await App.PlanAsync();

        var line = (await App.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id))).PartLines.Single();
        Assert.That(line.State, Is.EqualTo(PartLineState.OnOrder));
        Assert.That(line.Eta, Is.EqualTo(new DateOnly(2026, 11, 30)), "ordered now (6 working days from Monday), not on the last safe day");
        var order = await App.QueryAsync(db => db.PartsOrders.AsNoTracking().SingleAsync(o => o.Id == line.PartsOrderId));
        Assert.That(order.SupplierId, Is.EqualTo(await SupplierAsync("Pacific Auto Supply")), "$229 from Pacific beats $245 from OEM when both make it");
    }

    [Test]
    public async Task PlanningAVisit_ThenChangingItInTheSameScope_SavesWithoutConflictingWithItself()
    {
        // The planner reads the visits it plans without tracking them and writes their changes by hand. A visit the caller
        // already holds must be planned on that tracked copy and saved by EF, or the caller would hold a stale copy and its
        // next save in the same scope (a unit that plans, then changes what it holds) would conflict with the planner's.
        var id = await BookAsync(Portland(12, 8, 9), "WIPER-MOTOR");
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DealershipDbContext>();
        var visit = await db.Appointments.SingleAsync(a => a.Id == id);
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await mediator.Send(new RunPartsPlanning.Command(id));
        var planned = await App.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.That(planned.PartLines.Single().State, Is.EqualTo(PartLineState.OnOrder), "the line's new state is in the database");
        Assert.That(db.Entry(visit).State, Is.Not.EqualTo(EntityState.Detached), "a visit the caller held is still tracked");
        Assert.That(visit.PartLines.Single().State, Is.EqualTo(PartLineState.OnOrder), "and holds what the planner wrote");

        // Changed and saved by the unit of work in the same scope.
        visit.Cancel("The customer sold the car", byCustomer: false, App.Clock.GetUtcNow().UtcDateTime);
        await scope.ServiceProvider.GetRequiredService<Dealership.Application.Common.UnitOfWork>().SaveAsync(CancellationToken.None);

        var stored = await App.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.That(stored.Status, Is.EqualTo(AppointmentStatus.Cancelled));
        Assert.That(stored.Version, Is.EqualTo(visit.Version).And.GreaterThan(planned.Version));
    }

    [Test]
    public async Task AVisitSomeoneChangesAfterTheRunReadIt_FailsTheRunWithAConflict_AndTheRunWritesNothing()
    {
        // The planner reads visits without tracking them and writes its changes by hand, checking the version it read
        // (on a server database another writer can get in between). Here another writer's change lands just before
        // the planner writes the visit.
        var id = await BookAsync(Portland(12, 8, 9), "WIPER-MOTOR");
        var before = await App.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id));
        var orders = await App.QueryAsync(db => db.PartsOrders.CountAsync());
        Assert.That(before.PartLines.Single().State, Is.EqualTo(PartLineState.Needed));

        _meanwhile.Visit = id;
        Assert.That(async () => await App.PlanAsync(), Throws.InstanceOf<DbUpdateConcurrencyException>());
        _meanwhile.Visit = null;
        Assert.That(_meanwhile.Struck, Is.True, "the other writer's change landed between the run's read and its write");

        var after = await App.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.That((after.Version, after.Readiness, after.PartLines.Single().State, after.PartLines.Single().PartsOrderId),
            Is.EqualTo((before.Version, before.Readiness, PartLineState.Needed, (Guid?)null)), "the whole unit rolled back, the lines' writes with it");
        Assert.That(await App.QueryAsync(db => db.PartsOrders.CountAsync()), Is.EqualTo(orders), "and no order was opened");

        await App.PlanAsync();
        var planned = await App.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.That((planned.PartLines.Single().State, planned.Version), Is.EqualTo((PartLineState.OnOrder, before.Version + 1)), "the next run plans it, one version on");
    }

    [Test]
    public async Task AConfirmedEtaTooLate_PutsTheVisitAtRiskAtOnce()
    {
        using var clerk = await App.PartsAsync();
        var draft = await DraftOfAsync("Pacific Auto Supply");
        Assert.That((await clerk.PostAsync($"/api/parts/orders/{draft.Id}/confirmation", JsonContent.Create(new { eta = "2026-12-05" }))).StatusCode, Is.EqualTo(HttpStatusCode.Conflict),
            "a draft is sent before it is confirmed");
        Assert.That((await clerk.PostAsync($"/api/parts/orders/{draft.Id}/approval", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var confirmed = await clerk.PostAsJsonAsync($"/api/parts/orders/{draft.Id}/confirmation", new { eta = "2026-12-05" });
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await confirmed.Content.ReadAsStringAsync());

        var harper = await App.AppointmentOfAsync("harper.jensen@example.com");
        Assert.That(harper.Readiness, Is.EqualTo(PartsReadiness.AtRisk), "her timing belt is needed by Thursday 3 Dec");
        Assert.That((await App.AppointmentOfAsync("jackson.tran@example.com")).Readiness, Is.EqualTo(PartsReadiness.Ordered), "Jackson's discs still arrive in time");
        Assert.That(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.CustomerId == harper.CustomerId && n.TemplateKey == MessageTemplates.ServiceAtRisk)), Is.True);
        Assert.That(await App.QueryAsync(db => db.Tasks.AnyAsync(t => t.SubjectId == harper.Id && t.Status == StaffTaskStatus.Open)), Is.True);
    }

    [Test]
    public async Task ADraftLeftUnapproved_IsReDatedByTheJob_AndTheVisitItMakesLateIsFlagged()
    {
        // Pacific's draft (Harper's timing belt kit: 4 working days) was drafted on Sunday 22nd. Nobody
        // approves it; on Tuesday 1 Dec the kit cannot arrive before Harper's Friday 4 Dec visit.
        App.Clock.SetUtcNow(Portland(12, 1, 10));
        await App.PlanAsync();

        var draft = await DraftOfAsync("Pacific Auto Supply");
        Assert.That(draft.ExpectedEta, Is.EqualTo(new DateOnly(2026, 12, 5)));
        var harper = await App.AppointmentOfAsync("harper.jensen@example.com");
        Assert.That(harper.Readiness, Is.EqualTo(PartsReadiness.AtRisk));
        Assert.That(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.CustomerId == harper.CustomerId && n.TemplateKey == MessageTemplates.ServiceAtRisk)), Is.True);
        Assert.That((await App.AppointmentOfAsync("jackson.tran@example.com")).Readiness, Is.EqualTo(PartsReadiness.Ordered), "Jackson's visit on the 11th still makes it");
    }

    [Test]
    public async Task ADraftApprovedLate_CountsItsLeadTimeFromTheDayItIsSent()
    {
        App.Clock.SetUtcNow(Portland(11, 30, 9));
        using var clerk = await App.PartsAsync();
        var draft = await DraftOfAsync("Pacific Auto Supply");
        var sent = await clerk.PostAsync($"/api/parts/orders/{draft.Id}/approval", null);
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await sent.ReadJsonAsync()).GetProperty("expectedEta").GetString(), Is.EqualTo("2026-12-04"), "Monday + 4 working days");
        Assert.That((await App.AppointmentOfAsync("harper.jensen@example.com")).Readiness, Is.EqualTo(PartsReadiness.AtRisk), "Harper's Friday visit needs it by Thursday");
    }

    [Test]
    public async Task SendingADraft_EmailsTheSupplierOnce()
    {
        using var clerk = await App.PartsAsync();
        var draft = await DraftOfAsync("Pacific Auto Supply");
        Assert.That((await clerk.PostAsync($"/api/parts/orders/{draft.Id}/approval", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await clerk.PostAsync($"/api/parts/orders/{draft.Id}/approval", null)).StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "sent once");

        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);
        }

        // Sunday afternoon: Portland is closed, so the email waits for Monday's opening.
        var held = await App.QueryAsync(db => db.SupplierEmails.SingleAsync(e => e.PartsOrderId == draft.Id));
        Assert.That(held.Status, Is.EqualTo(SupplierEmailStatus.Pending));
        var portland = await App.QueryAsync(db => db.Sites.SingleAsync(s => s.Code == "PDX"));
        Assert.That(held.DueAt, Is.EqualTo(portland.NextOpenAt(App.Clock.GetUtcNow().UtcDateTime)));
        Assert.That(portland.ToLocal(held.DueAt).DayOfWeek, Is.EqualTo(DayOfWeek.Monday));

        App.Clock.SetUtcNow(held.DueAt.AddMinutes(1));
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);
        }

        var email = await App.QueryAsync(db => db.SupplierEmails.SingleAsync(e => e.PartsOrderId == draft.Id));
        Assert.That(email.Status, Is.EqualTo(SupplierEmailStatus.Sent));
        Assert.That(email.Body, Does.Contain("2 x 45251-TG7-A01").And.Contain(draft.Reference));
    }

    [Test]
    public async Task AReceipt_AllocatesToTheEarliestVisitFirst_AndTellsTheCustomerTheirPartsAreIn()
    {
        // Mia books brakes for Tuesday 1 Dec: her discs join Pacific's draft after Jackson's (Friday 11 Dec).
        var mia = await BookAsync(Portland(12, 1, 9), "BRK-F");
        await App.PlanAsync();
        using var clerk = await App.PartsAsync();
        var draft = await DraftOfAsync("Pacific Auto Supply");
        Assert.That(draft.Lines.Single(l => l.PartNumber == "45251-TG7-A01").Quantity, Is.EqualTo(4));
        await clerk.PostAsync($"/api/parts/orders/{draft.Id}/approval", null);

        var discs = draft.Lines.Single(l => l.PartNumber == "45251-TG7-A01").PartId;
        var tooMany = await clerk.PostAsJsonAsync("/api/parts/receipts", new { partsOrderId = draft.Id, lines = new[] { new { partId = discs, quantity = 9 } } });
        Assert.That(tooMany.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await tooMany.ReadJsonAsync()).GetProperty("detail").GetString(), Does.Contain("waiting for 4"));

        var receipt = await clerk.PostAsJsonAsync("/api/parts/receipts", new { partsOrderId = draft.Id, lines = new[] { new { partId = discs, quantity = 2 } } });
        Assert.That(receipt.StatusCode, Is.EqualTo(HttpStatusCode.OK), await receipt.Content.ReadAsStringAsync());
        var allocations = (await receipt.ReadJsonAsync()).GetProperty("allocations").EnumerateArray().ToList();
        Assert.That(allocations.Select(a => a.GetProperty("appointmentId").GetGuid()), Is.EqualTo(new[] { mia }), "the earliest visit gets the first units");

        var miaNow = await App.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == mia));
        Assert.That(miaNow.Readiness, Is.EqualTo(PartsReadiness.Ready));
        Assert.That((await App.AppointmentOfAsync("jackson.tran@example.com")).PartLines.Single(l => l.PartNumber == "45251-TG7-A01").State, Is.EqualTo(PartLineState.OnOrder));
        Assert.That(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.CustomerId == miaNow.CustomerId && n.TemplateKey == MessageTemplates.ServicePartsReady)), Is.True);
        var stock = await App.QueryAsync(db => db.Parts.AsNoTracking().SingleAsync(p => p.Id == discs));
        Assert.That((stock.OnHand, stock.Reserved), Is.EqualTo((6, 6)));

        var shortages = await (await clerk.GetAsync("/api/parts/shortages?pageSize=200")).ReadJsonAsync();
        var rows = shortages.GetProperty("items").EnumerateArray().Select(s => (s.GetProperty("customerName").GetString(), s.GetProperty("partNumber").GetString())).ToList();
        Assert.That(rows, Does.Contain(("Jackson Tran", "45251-TG7-A01")));
        Assert.That(rows, Does.Contain(("Charlotte Hayes", "G9020-47031")));
        Assert.That(rows.Select(r => r.Item1), Does.Not.Contain("Mia Coleman"));
    }

    [Test]
    public async Task TheLastUnit_ReservedByTwoRunsAtOnce_GoesToOne_AndStockNeverGoesNegative()
    {
        using var manager = await App.ManagerAsync();
        using var clerk = await App.PartsAsync();
        Assert.That((await clerk.PostAsJsonAsync("/api/parts", new { partNumber = "LAST-1", description = "Last of its kind", onHand = 1, sellPrice = new { amount = 9_900, currency = "USD" } })).StatusCode,
            Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await manager.PostAsJsonAsync("/api/service/operations", new { code = "LAST-OP", description = "Fit the last one", labourMinutes = 30, parts = new[] { new { partNumber = "last-1", quantity = 1 } } })).StatusCode,
            Is.EqualTo(HttpStatusCode.Created));
        var first = await BookAsync(Portland(11, 24, 10), "LAST-OP");
        var second = await BookAsync(Portland(11, 24, 10, 30), "LAST-OP");

        var runs = await Task.WhenAll(new[] { first, second }.Select(async id =>
        {
            try
            {
                await App.PlanAsync(id);
                return true;
            }
            catch (Exception ex) when (ex is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
            {
                return false;
            }
        }));
        var part = await App.QueryAsync(db => db.Parts.AsNoTracking().SingleAsync(p => p.PartNumber == "LAST-1"));
        Assert.That((part.OnHand, part.Reserved), Is.EqualTo((1, 1)), $"runs: {string.Join(", ", runs)}");
        var states = await App.QueryAsync(db => db.Appointments.AsNoTracking().Where(a => a.Id == first || a.Id == second).Select(a => a.Readiness).ToListAsync());
        Assert.That(states.Count(s => s == PartsReadiness.Ready), Is.EqualTo(1), "one wins");

        await App.PlanAsync();
        states = await App.QueryAsync(db => db.Appointments.AsNoTracking().Where(a => a.Id == first || a.Id == second).Select(a => a.Readiness).ToListAsync());
        Assert.That(states, Is.EquivalentTo(new[] { PartsReadiness.Ready, PartsReadiness.AtRisk }), "the other is short, no supplier: at risk, and told");

        var guard = Assert.ThrowsAsync<DbUpdateException>(async () => await App.QueryAsync(async db =>
        {
            var p = await db.Parts.SingleAsync(x => x.PartNumber == "LAST-1");
            db.Entry(p).Property(x => x.Reserved).CurrentValue = 2;
            return await db.SaveChangesAsync();
        }));
        Assert.That(guard!.InnerException!.Message, Does.Contain("CK_Parts_Stock"), "the database refuses more reserved than on hand");
    }

    [Test]
    public async Task OneApprovalRule_SwitchingASupplierToAutoSend_SendsTheDraftWaitingForIt()
    {
        using var clerk = await App.PartsAsync();
        var draft = await DraftOfAsync("Pacific Auto Supply");
        var pacific = await SupplierAsync("Pacific Auto Supply");
        var version = await App.QueryAsync(db => db.Suppliers.Where(x => x.Id == pacific).Select(x => x.Version).SingleAsync());

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/suppliers/{pacific}") { Content = JsonContent.Create(new { orderEmail = "counter@pacific-auto.example.com", autoSend = true }) };
        stale.Headers.TryAddWithoutValidation("If-Match", $"\"{version + 5}\"");
        Assert.That((await clerk.SendAsync(stale)).StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That((await App.QueryAsync(db => db.PartsOrders.AsNoTracking().SingleAsync(o => o.Id == draft.Id))).Status, Is.EqualTo(PartsOrderStatus.Draft));

        var changed = await clerk.PutAsJsonAsync($"/api/suppliers/{pacific}", new { orderEmail = "Counter@Pacific-Auto.example.com", autoSend = true });
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await changed.Content.ReadAsStringAsync());
        Assert.That((await changed.ReadJsonAsync()).GetProperty("autoSend").GetBoolean(), Is.True);

        // The commit asked the planner to run; here it runs once, by hand, as the job would.
        var report = await App.PlanAsync();
        var sent = await App.QueryAsync(db => db.PartsOrders.AsNoTracking().SingleAsync(o => o.Id == draft.Id));
        Assert.That(sent.Status, Is.EqualTo(PartsOrderStatus.Sent), "the waiting draft follows the supplier's new rule, as a new one would");
        Assert.That(sent.SentBy, Is.Null, "released by the rule, not approved by a person");
        Assert.That(report.OrdersSent, Is.GreaterThanOrEqualTo(1));
        Assert.That(await App.QueryAsync(db => db.SupplierEmails.CountAsync(e => e.PartsOrderId == draft.Id)), Is.EqualTo(1), "emailed once");

        await App.PlanAsync();
        Assert.That(await App.QueryAsync(db => db.SupplierEmails.CountAsync(e => e.PartsOrderId == draft.Id)), Is.EqualTo(1), "a second run sends nothing again");

        var back = await clerk.PutAsJsonAsync($"/api/suppliers/{pacific}", new { orderEmail = "not an email", autoSend = false });
        Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task PartsApi_AddsUpdatesAndGuardsStock()
    {
        using var clerk = await App.PartsAsync();
        var bad = await clerk.PostAsJsonAsync("/api/parts", new { partNumber = "", description = "", onHand = -1, sellPrice = new { amount = 100, currency = "USD" } });
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors");
        Assert.That(errors.TryGetProperty("onHand", out _) && errors.TryGetProperty("partNumber", out _), Is.True);
        var created = await clerk.PostAsJsonAsync("/api/parts", new { partNumber = "tst 100", description = "Test bulb", onHand = 3, sellPrice = new { amount = 1_200, currency = "USD" } });
        var part = await created.ReadJsonAsync();
        Assert.That(part.GetProperty("partNumber").GetString(), Is.EqualTo("TST100"));
        var duplicate = await clerk.PostAsJsonAsync("/api/parts", new { partNumber = "TST100", description = "Again", onHand = 1, sellPrice = new { amount = 1_200, currency = "USD" } });
        Assert.That(duplicate.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));

        var supplier = await clerk.PostAsJsonAsync("/api/suppliers", new { name = "Bulbs Inc", orderEmail = "orders@bulbs.example.com", autoSend = true });
        Assert.That(supplier.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var supplierId = (await supplier.ReadJsonAsync()).GetProperty("id").GetGuid();
        var id = part.GetProperty("id").GetGuid();
        var withSupplier = await clerk.PostAsJsonAsync($"/api/parts/{id}/suppliers", new { supplierId, leadTimeWorkingDays = 2, cost = new { amount = 500, currency = "USD" } });
        Assert.That((await withSupplier.ReadJsonAsync()).GetProperty("suppliers")[0].GetProperty("supplierName").GetString(), Is.EqualTo("Bulbs Inc"));

        var filters = await App.QueryAsync(db => db.Parts.AsNoTracking().FirstAsync(p => p.PartNumber == "15400-PLM-A02" && p.Reserved > 0));
        var below = await clerk.PutAsJsonAsync($"/api/parts/{filters.Id}", new { description = filters.Description, sellPrice = new { amount = filters.SellPriceAmount, currency = "USD" }, onHand = 0 });
        Assert.That(below.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await below.ReadJsonAsync()).GetProperty("detail").GetString(), Does.Contain("reserved for appointments"));

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/parts/{id}")
        {
            Content = JsonContent.Create(new { description = "Test bulb H7", sellPrice = new { amount = 1_300, currency = "USD" } }),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"999\"");
        Assert.That((await clerk.SendAsync(stale)).StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        var list = await (await clerk.GetAsync("/api/parts?search=tst")).ReadJsonAsync();
        Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task AVisitBuiltForPlanning_IsNeverSavedWhole()
    {
        var visit = await BookAsync(Portland(12, 8, 9), "WIPER-MOTOR");
        var stored = await App.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == visit));
        var copy = ServiceAppointment.ForPartsPlanning(stored.Id, stored.Version, stored.SiteId, stored.CustomerId, stored.VehicleId, stored.AdvisorStaffId,
            stored.StartsAt, stored.Date, stored.CreatedAt, stored.Status, stored.Readiness, stored.WaitedForParts, stored.AtRiskSince, []);
        var refused = Assert.ThrowsAsync<InvalidOperationException>(() => App.QueryAsync(async db =>
        {
            db.Appointments.Attach(copy);
            db.Entry(copy).Property(a => a.Readiness).IsModified = true;
            return await db.SaveChangesAsync();
        }));
        Assert.That(refused!.Message, Does.Contain("parts planning only"));
        Assert.That(await App.QueryAsync(db => db.Appointments.Where(a => a.Id == visit).Select(a => a.Concern).SingleAsync()), Is.EqualTo("As described on the phone"),
            "the concern it lacks is still stored");
    }

    [Test]
    public async Task TheJob_ReadsTheSameNumberOfTimes_For10And1000Appointments()
    {
        var (selects10, others10) = await PlanCountingAsync(10);
        var (selects1000, others1000) = await PlanCountingAsync(990);
        TestContext.Out.WriteLine($"10 appointments: {selects10} SELECTs, {others10} other commands; 1,000: {selects1000} SELECTs, {others1000} other commands");

        Assert.That(selects1000, Is.EqualTo(selects10), "set-based: reads do not grow with the number of appointments");
        Assert.That(selects10, Is.LessThan(30));
    }

    /// <summary>Adds <paramref name="count"/> appointments needing an oil filter (stock runs out, so orders follow) and a hybrid pump (at risk), then counts one planning run.</summary>
    private async Task<(int Selects, int Others)> PlanCountingAsync(int count)
    {
        await App.QueryAsync(async db =>
        {
            var site = await db.Sites.SingleAsync(s => s.Code == "PDX");
            var advisor = await db.Users.Where(u => u.Email == "service@demo.local").Select(u => u.Id).SingleAsync();
            var parts = await db.Parts.Where(p => p.SiteId == site.Id).ToDictionaryAsync(p => p.PartNumber);
            var owners = await db.Vehicles.Select(v => new { v.Id, v.CustomerId }).ToListAsync();
            var today = new DateOnly(2026, 11, 23);
            for (var i = 0; i < count; i++)
            {
                var owner = owners[i % owners.Count];
                var date = today.AddDays(i % 18);
                var lines = new[]
                {
                    new AppointmentPartLine(parts["15400-PLM-A02"].Id, "15400-PLM-A02", "Oil filter", 1),
                    new AppointmentPartLine(parts["G9020-47031"].Id, "G9020-47031", "Hybrid coolant pump", 1),
                };
                var appointment = new ServiceAppointment(site.Id, owner.CustomerId, owner.Id, advisor, "Load test", site.ToUtc(date.ToDateTime(new TimeOnly(9, 0))), date, walkIn: false,
                    [new AppointmentOperation("OIL-SVC", "Oil", 45)], lines, advisor, DateTime.UtcNow);
                appointment.ClearDomainEvents();
                db.Appointments.Add(appointment);
            }

            return await db.SaveChangesAsync();
        });

        _counter.Reset();
        _counter.Armed = true;
        var report = await App.PlanAsync();
        _counter.Armed = false;
        Assert.That(report.Appointments, Is.GreaterThanOrEqualTo(count));
        Assert.That(report.BecameAtRisk, Is.GreaterThanOrEqualTo(count), "every one is at risk (the pump), so the notice path is counted too");
        Assert.That(report.LinesOrdered, Is.GreaterThan(0));
        return (_counter.Selects, _counter.Others);
    }
}

/// <summary>Another writer's change to one visit, landing just before the planner writes that visit's readiness.</summary>
internal sealed class ChangedMeanwhile : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    public Guid? Visit { get; set; }

    public bool Struck { get; private set; }

    public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command,
        Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Visit is { } id && command.CommandText.StartsWith("UPDATE \"ServiceAppointments\" SET \"Readiness\"", StringComparison.Ordinal) &&
            command.CommandText.Contains(id.ToString().ToUpperInvariant(), StringComparison.Ordinal))
        {
            await using var other = command.Connection!.CreateCommand();
            other.Transaction = command.Transaction;
            other.CommandText = $"UPDATE \"ServiceAppointments\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = '{id.ToString().ToUpperInvariant()}'";
            Struck = await other.ExecuteNonQueryAsync(cancellationToken) == 1;
        }

        return result;
    }
}
