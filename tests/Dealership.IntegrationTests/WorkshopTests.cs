using System.Net;
using System.Net.Http.Json;
using Dealership.Application.Tracking;
using Dealership.Application.Workshop;
using Dealership.Domain.Custody;
using Dealership.Domain.Promises;
using Dealership.Domain.Service;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dealership.IntegrationTests.ServiceTestKit;

namespace Dealership.IntegrationTests;

/// <summary>
/// The visit after check-in, through the real HTTP stack and mediator on SQLite: start, inspection, extra work
/// the customer approves per item, ready, collection against payment with custody released; no-shows.
/// Clock: Sunday 22 Nov 2026, 2 pm at Portland (no sales tax there; labour $150 an hour).
/// </summary>
public sealed class WorkshopTests : FreshAppTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    /// <summary>An oil service on Monday at 9, planned by the parts job; checked in with two keys when <paramref name="checkIn"/>.</summary>
    private async Task<(Guid Visit, Arrange.CustomerWithCar Who)> VisitAsync(bool checkIn = true)
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        using var advisor = await App.ServiceAsync();
        var booked = await advisor.PostAsJsonAsync("/api/service/appointments",
            new { customerId = who.CustomerId, vehicleId = who.VehicleId, concern = "Oil change due", operationCodes = new[] { "OIL-SVC" }, startsAt = Portland(23, 9), separateVisit = true });
        Assert.That(booked.StatusCode, Is.EqualTo(HttpStatusCode.Created), await booked.Content.ReadAsStringAsync());
        var id = (await booked.ReadJsonAsync()).GetProperty("id").GetGuid();
        await App.PlanAsync(id);
        if (checkIn)
        {
            var checkedIn = await advisor.PostAsJsonAsync($"/api/service/appointments/{id}/check-in",
                new { mileage = 61_200, updatesContact = "Text me", promisedReadyAt = Portland(23, 17), keys = 2 });
            Assert.That(checkedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), await checkedIn.Content.ReadAsStringAsync());
        }

        return (id, who);
    }

    private static object[] Findings(string wiperWork = "WIPER-MOTOR") =>
    [
        new { area = "Brakes", rating = "now", note = "Front pads at 2 mm, discs scored", operationCode = "BRK-F", ifYouWait = "Metal on metal within weeks; stopping distances grow" },
        new { area = "Wipers", rating = "soon", note = "Motor slow at high speed", operationCode = wiperWork },
        new { area = "Battery", rating = "soon", note = "Weak in the cold test; fine for now" },
        new { area = "Tires", rating = "green", note = (string?)null },
        new { area = "Lights", rating = "green", note = (string?)null },
    ];

    private static IMediator Mediator(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<IMediator>();

    /// <summary>The demo's brake bookings hold every disc on the shelf: a delivery came in.</summary>
    private Task<int> StockBrakesAsync() => App.QueryAsync(async db =>
    {
        foreach (var part in await db.Parts.Where(p => p.PartNumber == "45022-TG7-A01" || p.PartNumber == "45251-TG7-A01").ToListAsync())
        {
            part.Receive(10);
        }

        return await db.SaveChangesAsync();
    });

    [Test]
    public async Task AVisit_StartsIsInspected_TheCustomerApprovesOneItemAndDeclinesAnother_AndTheBillIsExactlyTheApprovedWork()
    {
        var (visit, who) = await VisitAsync();
        await StockBrakesAsync();
        using var tech = await App.TechnicianAsync();
        using var advisor = await App.ServiceAsync();
        var custody = await App.QueryAsync(db => db.Custody.Where(c => c.SubjectId == visit).ToListAsync());
        Assert.That(custody.Select(c => (c.Item, c.Count)), Is.EquivalentTo(new[] { (CustodyItem.Car, 1), (CustodyItem.KeySet, 2) }), "check-in takes car and keys into custody");
        Assert.That(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.DeduplicationKey.StartsWith($"appointment/{visit}/checked-in") && n.TemplateData.Contains("\"keys\":\"2\""))), Is.True,
            "the check-in message is the receipt for two keys");

        var tooEarly = await tech.PostAsJsonAsync($"/api/service/appointments/{visit}/inspection", new { findings = Findings() });
        Assert.That(tooEarly.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "inspected once work has started");
        Assert.That((await tech.PostAsync($"/api/service/appointments/{visit}/start", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var inspected = await tech.PostAsJsonAsync($"/api/service/appointments/{visit}/inspection", new { findings = Findings() });
        Assert.That(inspected.StatusCode, Is.EqualTo(HttpStatusCode.OK), await inspected.Content.ReadAsStringAsync());
        var view = await inspected.ReadJsonAsync();
        Assert.That(view.GetProperty("stage").GetString(), Is.EqualTo("awaitingApproval"));
        Assert.That(view.GetProperty("bill").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null), "technicians work on cars, not money");
        var extras = view.GetProperty("extraWork").EnumerateArray().ToList();
        Assert.That(extras, Has.Count.EqualTo(2), "the battery note is advice, not a proposal");
        var brakes = extras.Single(e => e.GetProperty("area").GetString() == "Brakes");
        var wiper = extras.Single(e => e.GetProperty("area").GetString() == "Wipers");
        // 2 h at Portland's $165 + pads $89.95 + two discs at $124.50.
        Assert.That(brakes.GetProperty("total").GetProperty("amount").GetInt64(), Is.EqualTo(33_000 + 8_995 + 2 * 12_450));
        Assert.That(brakes.GetProperty("readyByIfApproved").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null), "pads and discs are on the shelf");
        Assert.That(wiper.GetProperty("readyByIfApproved").GetDateTime(), Is.GreaterThan(Portland(23, 17)), "the motor must be ordered: the customer sees the later time first");
        var told = await App.QueryAsync(db => db.Notifications.Where(n => n.DeduplicationKey.StartsWith($"appointment/{visit}/inspected")).Select(n => n.TemplateData).FirstAsync());
        Assert.That(told, Does.Contain("\"decisions\":\"2\""));

        var brakesId = brakes.GetProperty("id").GetGuid();
        var wiperId = wiper.GetProperty("id").GetGuid();
        var unapproved = await tech.PostAsync($"/api/service/appointments/{visit}/extra-work/{brakesId}/start", null);
        Assert.That(unapproved.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await unapproved.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("not-approved"));
        Assert.That((await tech.PostAsJsonAsync($"/api/service/appointments/{visit}/extra-work/{wiperId}/answer", new { approved = true, toldUsBy = "phone" })).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden), "a technician does not speak for the customer");
        var notYet = await tech.PostAsync($"/api/service/appointments/{visit}/ready", null);
        Assert.That((await notYet.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("awaiting-approval"));

        // The customer approves the brakes on their page; they told the advisor by phone to leave the wiper.
        var token = await App.TrackingTokenAsync(who.CustomerId);
        using (var scope = App.Services.CreateScope())
        {
            Assert.That(await Mediator(scope).Send(new RecordProposalsViewed.Command(token, visit)), Is.True);
            var page = await Mediator(scope).Send(new GetTrackingPage.Query(token));
            var mine = page.Visits.Single(v => v.AppointmentId == visit).Workshop!;
            Assert.That(mine.Proposals.Select(p => p.Title), Is.EquivalentTo(new[] { "Front brake pads and discs", "Front wiper motor replacement (cowl and intake removed)" }));
            await Mediator(scope).Send(new AnswerMyExtraWork.Command(token, visit, brakesId, Approve: true));
        }

        var declined = await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/extra-work/{wiperId}/answer", new { approved = false, toldUsBy = "phone" });
        Assert.That(declined.StatusCode, Is.EqualTo(HttpStatusCode.OK), await declined.Content.ReadAsStringAsync());
        var again = await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/extra-work/{wiperId}/answer", new { approved = true, toldUsBy = "phone" });
        Assert.That((await again.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("already-answered"));

        var stockBefore = await App.QueryAsync(db => db.Parts.Where(p => p.PartNumber == "45022-TG7-A01" || p.PartNumber == "15400-PLM-A02").Join(db.Sites.Where(s => s.Code == "PDX"), p => p.SiteId, s => s.Id, (p, _) => p).ToDictionaryAsync(p => p.PartNumber, p => (p.OnHand, p.Reserved)));
        Assert.That((await tech.PostAsync($"/api/service/appointments/{visit}/extra-work/{brakesId}/start", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var ready = await tech.PostAsync($"/api/service/appointments/{visit}/ready", null);
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ready.Content.ReadAsStringAsync());
        var stockAfter = await App.QueryAsync(db => db.Parts.Where(p => p.PartNumber == "45022-TG7-A01" || p.PartNumber == "15400-PLM-A02").Join(db.Sites.Where(s => s.Code == "PDX"), p => p.SiteId, s => s.Id, (p, _) => p).ToDictionaryAsync(p => p.PartNumber, p => (p.OnHand, p.Reserved)));
        Assert.That(stockAfter["45022-TG7-A01"], Is.EqualTo((stockBefore["45022-TG7-A01"].OnHand - 1, stockBefore["45022-TG7-A01"].Reserved - 1)), "the fitted pads leave stock");
        Assert.That(stockAfter["15400-PLM-A02"].OnHand, Is.EqualTo(stockBefore["15400-PLM-A02"].OnHand - 1), "and so does the oil filter");

        var seen = await (await advisor.GetAsync($"/api/service/appointments/{visit}/workshop")).ReadJsonAsync();
        var bill = seen.GetProperty("bill");
        // 45 min oil service ($123.75) + filter $14.95 + oil $39.95 + the approved brakes; never the declined wiper motor.
        const long expected = 12_375 + 1_495 + 3_995 + 33_000 + 8_995 + 2 * 12_450;
        Assert.That(bill.GetProperty("total").GetProperty("amount").GetInt64(), Is.EqualTo(expected));
        Assert.That(bill.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("description").GetString()), Has.None.Contains("wiper"));
        Assert.That(await App.QueryAsync(db => db.Promises.Where(p => p.SubjectId == visit).Select(p => p.State).SingleAsync()), Is.EqualTo(PromiseState.Kept));

        var pending = await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/collection", new { method = "check", amount = new { amount = expected, currency = "USD" }, reference = "CHK 1001", pending = true });
        // The site's terms apply at the workshop's till too: cash only up to its limit.
        using (var manager = await App.ManagerAsync())
        {
            await manager.PutAsJsonAsync($"/api/sites/{await App.SiteIdAsync("PDX")}/payment-terms",
                new { accepted = new[] { "card", "cash", "check", "bankTransfer" }, cashLimit = 10_000, checkClearanceDays = 5 });
        }

        var tooMuchCash = await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/collection", new { method = "cash", amount = new { amount = expected, currency = "USD" } });
        Assert.That((await tooMuchCash.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("cash-over-limit"));
        var shortPaid = await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/collection", new { method = "card", amount = new { amount = expected - 100, currency = "USD" }, reference = "AUTH 1" });
        Assert.That((await pending.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("payment-pending"));
        var shortProblem = await shortPaid.ReadJsonAsync();
        Assert.That(shortProblem.GetProperty("code").GetString(), Is.EqualTo("payment-mismatch"));
        Assert.That(shortProblem.GetProperty("detail").GetString(), Does.Contain("$1.00 is still due"));
        Assert.That(await App.QueryAsync(db => db.Custody.CountAsync(c => c.SubjectId == visit && c.ReleasedAt == null)), Is.EqualTo(2), "refused collections release nothing");

        var collected = await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/collection", new { method = "card", amount = new { amount = expected, currency = "USD" }, reference = "AUTH 448120" });
        Assert.That(collected.StatusCode, Is.EqualTo(HttpStatusCode.OK), await collected.Content.ReadAsStringAsync());
        Assert.That((await collected.ReadJsonAsync()).GetProperty("status").GetString(), Is.EqualTo("collected"));
        Assert.That(await App.QueryAsync(db => db.Custody.CountAsync(c => c.SubjectId == visit && c.ReleasedAt == null)), Is.Zero, "car and keys released in the same step");
        var receipt = await App.QueryAsync(db => db.Notifications.Where(n => n.DeduplicationKey.StartsWith($"appointment/{visit}/collected")).Select(n => n.TemplateData).FirstAsync());
        Assert.That(receipt, Does.Contain("\"keys\":\"2\"").And.Contain("AUTH 448120"));
        var timeline = await App.QueryAsync(db => db.Touchpoints.Where(t => t.SubjectId == visit).Select(t => t.Summary).ToListAsync());
        Assert.That(timeline, Has.Some.StartsWith("Approved on their page: Front brake pads"));
        Assert.That(timeline, Has.Some.StartsWith("Declined by phone: Front wiper motor"));
        Assert.That(timeline, Has.Some.StartsWith("Collected; paid"));
        // Custody and promises are on the same one timeline: taken into our care, the ready-by promise made and kept, handed back.
        Assert.That(timeline, Has.Some.StartsWith("In our care: the ").And.Some.Match("^In our care: 2 keys of the "));
        Assert.That(timeline, Has.Some.StartsWith("Promise made: ").And.Some.StartsWith("Promise kept: "));
        Assert.That(timeline.Count(t => t.StartsWith("Handed back: ", StringComparison.Ordinal)), Is.EqualTo(2), "car and keys");
    }

    [Test]
    public async Task ApprovingWorkWhosePartMustBeOrdered_MovesTheReadyTime_RenegotiatesThePromise_AndReadyWaitsForThePart()
    {
        var (visit, _) = await VisitAsync();
        using var tech = await App.TechnicianAsync();
        using var advisor = await App.ServiceAsync();
        await tech.PostAsync($"/api/service/appointments/{visit}/start", null);
        var view = await (await tech.PostAsJsonAsync($"/api/service/appointments/{visit}/inspection", new { findings = Findings() })).ReadJsonAsync();
        var extras = view.GetProperty("extraWork").EnumerateArray().ToList();
        var wiper = extras.Single(e => e.GetProperty("area").GetString() == "Wipers");
        var later = wiper.GetProperty("readyByIfApproved").GetDateTime().ToUniversalTime();
        await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/extra-work/{extras.Single(e => e.GetProperty("area").GetString() == "Brakes").GetProperty("id").GetGuid()}/answer",
            new { approved = false, toldUsBy = "inPerson" });

        var approved = await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/extra-work/{wiper.GetProperty("id").GetGuid()}/answer", new { approved = true, toldUsBy = "phone" });

        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await approved.Content.ReadAsStringAsync());
        var stored = await App.QueryAsync(db => db.Appointments.AsNoTracking().AsSplitQuery().SingleAsync(a => a.Id == visit));
        Assert.That(stored.PromisedReadyAt, Is.EqualTo(later), "the time the customer saw before saying yes");
        var motor = stored.PartLines.Single(l => l.PartNumber == "76505-TG7-A01");
        Assert.That(motor.State, Is.EqualTo(PartLineState.OnOrder), "ordered at once, the same way as booked work");
        var promises = await App.QueryAsync(db => db.Promises.Where(p => p.SubjectId == visit).OrderBy(p => p.CreatedAt).ThenBy(p => p.DueAt).ToListAsync());
        Assert.That(promises.Select(p => p.State), Is.EqualTo(new[] { PromiseState.Renegotiated, PromiseState.Open }));
        Assert.That(promises[1].DueAt, Is.EqualTo(later));

        var tooSoon = await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/ready-time", new { readyAt = Portland(24, 10), reason = "We hope to be quicker" });
        Assert.That((await tooSoon.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("before-parts"), "no promise the parts cannot keep");
        var waiting = await tech.PostAsync($"/api/service/appointments/{visit}/ready", null);
        Assert.That((await waiting.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("parts-missing"));
        using var parts = await App.PartsAsync();
        var order = motor.PartsOrderId!.Value;
        var status = await App.QueryAsync(db => db.PartsOrders.Where(o => o.Id == order).Select(o => o.Status).SingleAsync());
        if (status == Domain.Parts.PartsOrderStatus.Draft)
        {
            Assert.That((await parts.PostAsync($"/api/parts/orders/{order}/approval", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var received = await parts.PostAsJsonAsync("/api/parts/receipts", new { partsOrderId = order });
        Assert.That(received.StatusCode, Is.EqualTo(HttpStatusCode.OK), await received.Content.ReadAsStringAsync());
        await tech.PostAsync($"/api/service/appointments/{visit}/extra-work/{wiper.GetProperty("id").GetGuid()}/start", null);
        var readyNow = await tech.PostAsync($"/api/service/appointments/{visit}/ready", null);
        Assert.That(readyNow.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the part came in and was reserved for the car waiting for it: " + await readyNow.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task TheVisitPage_RendersForTheTechnicianAtEveryStage_WithTheInspectionFormOnlyBeforeTheInspection()
    {
        var (visit, _) = await VisitAsync();
        var (page, _) = await App.SignInToPagesAsync("tech@demo.local");
        using var tech = await App.TechnicianAsync();

        var checkedIn = await page.GetAsync($"/workshop/{visit}");
        await tech.PostAsync($"/api/service/appointments/{visit}/start", null);
        var started = await page.GetAsync($"/workshop/{visit}");
        await tech.PostAsJsonAsync($"/api/service/appointments/{visit}/inspection", new { findings = Findings() });
        var inspected = await page.GetAsync($"/workshop/{visit}");

        Assert.That(checkedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), await checkedIn.Content.ReadAsStringAsync());
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.OK), await started.Content.ReadAsStringAsync());
        Assert.That(await started.Content.ReadAsStringAsync(), Does.Contain("data-testid=\"inspection-form\""));
        Assert.That(inspected.StatusCode, Is.EqualTo(HttpStatusCode.OK), await inspected.Content.ReadAsStringAsync());
        Assert.That(await inspected.Content.ReadAsStringAsync(), Does.Not.Contain("data-testid=\"inspection-form\"").And.Not.Contain("data-testid=\"bill\""));
    }

    [Test]
    public async Task ConcurrentCollections_OneWins_TheOtherIsRefused_AndCustodyIsReleasedOnce()
    {
        var (visit, _) = await VisitAsync();
        using var tech = await App.TechnicianAsync();
        await tech.PostAsync($"/api/service/appointments/{visit}/start", null);
        await tech.PostAsJsonAsync($"/api/service/appointments/{visit}/inspection", new { findings = new[] { new { area = "Tires", rating = "green" } } });
        Assert.That((await tech.PostAsync($"/api/service/appointments/{visit}/ready", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var one = await App.ServiceAsync();
        using var two = await App.ManagerAsync();
        var total = (await (await one.GetAsync($"/api/service/appointments/{visit}/workshop")).ReadJsonAsync()).GetProperty("bill").GetProperty("total").GetProperty("amount").GetInt64();
        var body = new { method = "card", amount = new { amount = total, currency = "USD" }, reference = "AUTH 77" };

        var results = await Task.WhenAll(one.PostAsJsonAsync($"/api/service/appointments/{visit}/collection", body), two.PostAsJsonAsync($"/api/service/appointments/{visit}/collection", body));

        Assert.That(results.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1), string.Join(" | ", await Task.WhenAll(results.Select(r => r.Content.ReadAsStringAsync()))));
        Assert.That(results.Single(r => r.StatusCode != HttpStatusCode.OK).StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await App.QueryAsync(db => db.Custody.CountAsync(c => c.SubjectId == visit && c.ReleasedAt != null)), Is.EqualTo(2));
        Assert.That(await App.QueryAsync(db => db.Notifications.CountAsync(n => n.DeduplicationKey.StartsWith($"appointment/{visit}/collected") && n.Channel == Domain.Notifications.MessageChannel.Sms)), Is.LessThanOrEqualTo(1));
    }

    [Test]
    public async Task AVisitNotCheckedInByClosingTime_IsANoShow_FreeingItsTimeAndParts_AndTheCustomerIsAskedKindlyToRebook()
    {
        var (visit, _) = await VisitAsync(checkIn: false);
        var before = await App.QueryAsync(db => db.WorkshopDays.Where(d => d.Date == new DateOnly(2026, 11, 23)).Select(d => d.BookedMinutes).SumAsync());
        var reserved = await App.QueryAsync(db => db.Parts.Where(p => p.PartNumber == "15400-PLM-A02").SumAsync(p => p.Reserved));
        App.Clock.Advance(Portland(23, 19, 30) - App.Clock.GetUtcNow().UtcDateTime);

        NoShowReport first, second;
        using (var scope = App.Services.CreateScope())
        {
            first = await scope.ServiceProvider.GetRequiredService<NoShowSweep>().RunAsync(CancellationToken.None);
        }

        using (var scope = App.Services.CreateScope())
        {
            second = await scope.ServiceProvider.GetRequiredService<NoShowSweep>().RunAsync(CancellationToken.None);
        }

        Assert.That(first.MarkedNoShow, Is.GreaterThanOrEqualTo(1));
        Assert.That(second.MarkedNoShow, Is.Zero, "marked once");
        Assert.That(await App.QueryAsync(db => db.Appointments.Where(a => a.Id == visit).Select(a => a.Status).SingleAsync()), Is.EqualTo(AppointmentStatus.NoShow));
        Assert.That(await App.QueryAsync(db => db.WorkshopDays.Where(d => d.Date == new DateOnly(2026, 11, 23)).Select(d => d.BookedMinutes).SumAsync()), Is.LessThanOrEqualTo(before - 45));
        Assert.That(await App.QueryAsync(db => db.Parts.Where(p => p.PartNumber == "15400-PLM-A02").SumAsync(p => p.Reserved)), Is.LessThan(reserved), "its filter is back on the shelf");
        Assert.That(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.DeduplicationKey.StartsWith($"appointment/{visit}/no-show"))), Is.True);
    }

    [Test]
    public async Task InspectionPhotos_AreCheckedAndStored_AndReachOnlyThatCustomersLink()
    {
        var (visit, who) = await VisitAsync();
        using var tech = await App.TechnicianAsync();
        await tech.PostAsync($"/api/service/appointments/{visit}/start", null);
        await tech.PostAsJsonAsync($"/api/service/appointments/{visit}/inspection", new { findings = Findings() });

        var notImage = await tech.PostAsync($"/api/service/appointments/{visit}/inspection/1/photos", Upload([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
        var noSuchItem = await tech.PostAsync($"/api/service/appointments/{visit}/inspection/42/photos", Upload(Png));
        var huge = new byte[Application.TradeIns.PhotoRules.MaxBytes + 1];
        Png.CopyTo(huge, 0);
        var tooBig = await tech.PostAsync($"/api/service/appointments/{visit}/inspection/1/photos", Upload(huge));
        Assert.That(tooBig.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest).Or.EqualTo(HttpStatusCode.RequestEntityTooLarge), "over 10 MB");
        var uploaded = await tech.PostAsync($"/api/service/appointments/{visit}/inspection/1/photos", Upload(Png));

        Assert.That(notImage.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(noSuchItem.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.Created), await uploaded.Content.ReadAsStringAsync());
        var photoId = (await uploaded.ReadJsonAsync()).GetProperty("inspection")[0].GetProperty("photoIds")[0].GetGuid();
        var served = await tech.GetAsync($"/api/service/appointments/{visit}/photos/{photoId}");
        Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK), await served.Content.ReadAsStringAsync());
        Assert.That(await served.Content.ReadAsByteArrayAsync(), Is.EqualTo(Png));
        using var scope = App.Services.CreateScope();
        var mine = await Mediator(scope).Send(new GetMyInspectionPhoto.Query(await App.TrackingTokenAsync(who.CustomerId), visit, photoId));
        Assert.That(mine.Content, Is.EqualTo(Png));
        var other = await Arrange.CustomerWithCarAsync(App);
        Assert.ThrowsAsync<Application.Common.NotFoundException>(async () =>
            await Mediator(scope).Send(new GetMyInspectionPhoto.Query(await App.TrackingTokenAsync(other.CustomerId), visit, photoId)));
        Assert.ThrowsAsync<Application.Common.NotFoundException>(async () =>
            await Mediator(scope).Send(new AnswerMyExtraWork.Command(await App.TrackingTokenAsync(other.CustomerId), visit, Guid.NewGuid(), true)));
        using var sales = await App.SalesAsync();
        Assert.That((await sales.GetAsync($"/api/service/appointments/{visit}/photos/{photoId}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task MovingTheReadyTime_BeforeItFallsDue_TellsTheCustomerAndRenegotiates_AfterwardsItWasBroken()
    {
        var (visit, _) = await VisitAsync();
        using var advisor = await App.ServiceAsync();
        using var tech = await App.TechnicianAsync();

        var byTech = await tech.PostAsJsonAsync($"/api/service/appointments/{visit}/ready-time", new { readyAt = Portland(24, 12), reason = "Longer than we thought" });
        var noReason = await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/ready-time", new { readyAt = Portland(24, 12), reason = "" });
        var atNight = await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/ready-time", new { readyAt = Portland(24, 22), reason = "Overnight test" });
        Assert.That((await atNight.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("closed"), "a promise the customer can act on: a time we are open");
        var moved = await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/ready-time", new { readyAt = Portland(24, 12), reason = "The fault took longer to trace than we expected." });

        Assert.That(byTech.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the advisor owns what the customer is promised");
        Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
        var told = await App.QueryAsync(db => db.Notifications.Where(n => n.DeduplicationKey.StartsWith($"appointment/{visit}/ready-moved")).Select(n => n.TemplateData).FirstAsync());
        Assert.That(told, Does.Contain("took longer to trace"));
        var promises = await App.QueryAsync(db => db.Promises.Where(p => p.SubjectId == visit).OrderBy(p => p.DueAt).Select(p => new { p.State, p.DueAt }).ToListAsync());
        Assert.That(promises.Select(p => p.State), Is.EqualTo(new[] { PromiseState.Renegotiated, PromiseState.Open }));

        App.Clock.Advance(Portland(24, 13) - App.Clock.GetUtcNow().UtcDateTime);
        using var advisorLater = await App.ServiceAsync();
        var late = await advisorLater.PostAsJsonAsync($"/api/service/appointments/{visit}/ready-time", new { readyAt = Portland(25, 12), reason = "Still waiting on the diagnosis" });
        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.OK), await late.Content.ReadAsStringAsync());
        Assert.That(await App.QueryAsync(db => db.Promises.Where(p => p.SubjectId == visit && p.DueAt == Portland(24, 12)).Select(p => p.State).SingleAsync()),
            Is.EqualTo(PromiseState.Broken), "moved after it fell due: a broken promise, however politely");
    }

    [Test]
    public async Task UrgentWorkTheCustomerDeclined_IsRememberedAtTheNextVisit_AndInItsReminder()
    {
        var (visit, who) = await VisitAsync();
        using var tech = await App.TechnicianAsync();
        using var advisor = await App.ServiceAsync();
        await tech.PostAsync($"/api/service/appointments/{visit}/start", null);
        var inspected = await (await tech.PostAsJsonAsync($"/api/service/appointments/{visit}/inspection", new { findings = Findings() })).ReadJsonAsync();
        foreach (var work in inspected.GetProperty("extraWork").EnumerateArray())
        {
            await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/extra-work/{work.GetProperty("id").GetGuid()}/answer", new { approved = false, toldUsBy = "inPerson" });
        }

        await tech.PostAsync($"/api/service/appointments/{visit}/ready", null);
        var total = (await (await advisor.GetAsync($"/api/service/appointments/{visit}/workshop")).ReadJsonAsync()).GetProperty("bill").GetProperty("total").GetProperty("amount").GetInt64();
        var collected = await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/collection", new { method = "cash", amount = new { amount = total, currency = "USD" } });
        Assert.That(collected.StatusCode, Is.EqualTo(HttpStatusCode.OK), await collected.Content.ReadAsStringAsync());

        var next = await advisor.PostAsJsonAsync("/api/service/appointments",
            new { customerId = who.CustomerId, vehicleId = who.VehicleId, concern = "Brakes, as discussed", operationCodes = new[] { "DIAG" }, startsAt = Portland(26, 10) });
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.Created), await next.Content.ReadAsStringAsync());
        var nextId = (await next.ReadJsonAsync()).GetProperty("id").GetGuid();
        var view = await (await advisor.GetAsync($"/api/service/appointments/{nextId}/workshop")).ReadJsonAsync();
        Assert.That(view.GetProperty("declinedBefore").EnumerateArray().Select(d => d.GetString()), Is.EqualTo(new[] { "Front brake pads and discs" }),
            "the urgent brakes, not the wiper they could wait on");

        App.Clock.Advance(Portland(25, 10) - App.Clock.GetUtcNow().UtcDateTime);
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Application.Service.ServiceReminders>().RunAsync(CancellationToken.None);
        }

        var reminder = await App.QueryAsync(db => db.Notifications.Where(n => n.DeduplicationKey.StartsWith($"appointment/{nextId}/reminder")).Select(n => n.TemplateData).FirstAsync());
        Assert.That(reminder, Does.Contain("front brake pads and discs"));
    }

    [Test]
    public async Task TheCustomerBooksTheirOwnVisit_FromRealAvailability_ForTheirOwnCarOnly()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        var other = await Arrange.CustomerWithCarAsync(App);
        var token = await App.TrackingTokenAsync(who.CustomerId);
        using var scope = App.Services.CreateScope();
        var mediator = Mediator(scope);

        var options = await mediator.Send(new GetMyBookingOptions.Query(token, SelfBookingKind.Concern));
        Assert.That(options.Cars.Select(c => c.VehicleId), Is.EqualTo(new[] { who.VehicleId }));
        Assert.That(options.Times, Is.Not.Empty);
        Assert.That(options.Times.Select(t => t.StartsAt), Is.All.GreaterThan(App.Clock.GetUtcNow().UtcDateTime));
        var notAName = Assert.ThrowsAsync<FluentValidation.ValidationException>(async () =>
            await mediator.Send(new BookMyVisit.Command(token, who.VehicleId, SelfBookingKind.Concern, " ", options.Times[0].StartsAt)));
        Assert.That(notAName!.Errors.Single().ErrorMessage, Does.Contain("in your own words"));
        Assert.ThrowsAsync<Application.Common.NotFoundException>(async () =>
            await mediator.Send(new BookMyVisit.Command(token, other.VehicleId, SelfBookingKind.Routine, "", options.Times[0].StartsAt)), "another customer's car");
        var closed = Assert.ThrowsAsync<Domain.Common.DomainRuleException>(async () =>
            await mediator.Send(new BookMyVisit.Command(token, who.VehicleId, SelfBookingKind.Routine, "", Portland(24, 3))));
        Assert.That(closed!.Code, Is.EqualTo("not-a-slot"), "only times the workshop is open");

        var id = await mediator.Send(new BookMyVisit.Command(token, who.VehicleId, SelfBookingKind.Concern, "Squeak from the back when it rains", options.Times[0].StartsAt));

        var visit = await App.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.That(visit.BookedByCustomer, Is.True);
        Assert.That(visit.Concern, Is.EqualTo("Squeak from the back when it rains"));
        Assert.That(visit.StartsAt, Is.EqualTo(options.Times[0].StartsAt));
        Assert.That(await App.QueryAsync(db => db.Touchpoints.Where(t => t.SubjectId == id).Select(t => t.Summary).SingleAsync()), Does.StartWith("Booked service on their page"));
        Assert.That(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.DeduplicationKey.StartsWith($"appointment/{id}/booked"))), Is.True, "confirmed like any booking");
        var twice = Assert.ThrowsAsync<Domain.Common.DomainRuleException>(async () =>
            await mediator.Send(new BookMyVisit.Command(token, who.VehicleId, SelfBookingKind.Routine, "", options.Times[1].StartsAt)));
        Assert.That(twice!.Code, Is.EqualTo("duplicate-visit"));
        var after = await mediator.Send(new GetMyBookingOptions.Query(token, SelfBookingKind.Routine));
        Assert.That(after.Cars, Is.Empty, "a car with a visit is not offered again");
        Assert.That(after.Why, Is.EqualTo(SelfBooking.Unavailable.AllCarsBooked));
    }

    private static MultipartFormDataContent Upload(byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "photo", "brakes.png" } };
    }
}
