using System.Net;
using System.Net.Http.Json;
using Dealership.Application.Tracking;
using Dealership.Domain.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dealership.IntegrationTests.ServiceTestKit;

namespace Dealership.IntegrationTests;

/// <summary>
/// Booking, capacity, moves, check-in, recovery and the customer's side, against the demo workshop at
/// Portland (clock: Sunday 22 Nov 2026, 2 pm; the site is closed on Sundays, open Mon-Fri 8-19, Sat 9-17).
/// </summary>
public sealed class ServiceAppointmentTests : FreshAppTests
{
    private static (Guid Customer, Guid Vehicle) CustomerWithVehicle(Arrange.CustomerWithCar who) => (who.CustomerId, who.VehicleId);

    /// <summary>A visit of the test's own customer, booked by the advisor and planned by the parts job as in production.</summary>
    private async Task<ServiceAppointment> VisitAsync(DateTime startsAt, params string[] codes)
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        using var advisor = await App.ServiceAsync();
        var booked = await BookAsync(advisor, who, startsAt, codes, "As described on the phone");
        Assert.That(booked.StatusCode, Is.EqualTo(HttpStatusCode.Created), await booked.Content.ReadAsStringAsync());
        var id = (await booked.ReadJsonAsync()).GetProperty("id").GetGuid();
        await App.PlanAsync(id);
        return await VisitOfAsync(id);
    }

    /// <summary>A second service advisor at Portland, added by a manager (the demo has one).</summary>
    private async Task<Guid> NewPortlandAdvisorAsync(HttpClient manager, string email, string name)
    {
        var created = await manager.PostAsJsonAsync("/api/staff", new
        {
            email, displayName = name, password = "Correct-Horse-1", roles = new[] { "ServiceAdvisor" }, siteIds = new[] { await App.SiteIdAsync("PDX") },
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        return (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private Task<ServiceAppointment> VisitOfAsync(Guid id) =>
        App.QueryAsync(db => db.Appointments.AsNoTracking().AsSplitQuery().SingleAsync(a => a.Id == id));

    private static async Task<HttpResponseMessage> BookAsync(HttpClient client, Arrange.CustomerWithCar who, DateTime? startsAt, string[] codes, string concern = "Noise from the front", bool walkIn = false)
    {
        var (customer, vehicle) = CustomerWithVehicle(who);
        // These tests fill days with one customer's car: each booking is declared a separate visit (the duplicate
        // guard has its own test in AfterCommitTests).
        return await client.PostAsJsonAsync("/api/service/appointments", new { customerId = customer, vehicleId = vehicle, concern, operationCodes = codes, startsAt, walkIn, separateVisit = true });
    }

    [Test]
    public async Task Availability_ComesFromOpeningHoursAndCapacity_AndSundayIsClosed()
    {
        using var advisor = await App.ServiceAsync();
        var days = (await (await advisor.GetAsync("/api/service/availability?from=2026-11-22&to=2026-11-24&labourMinutes=120")).ReadJsonAsync()).EnumerateArray().ToList();

        Assert.That(days, Has.Count.EqualTo(3));
        Assert.That(days[0].GetProperty("open").GetBoolean(), Is.False, "Portland is closed on Sundays");
        var monday = days[1];
        Assert.That(monday.GetProperty("capacityMinutes").GetInt32(), Is.EqualTo(1920));
        Assert.That(monday.GetProperty("bookedMinutes").GetInt32(), Is.EqualTo(45 + 120), "Olivia's oil service and Liam's brakes are booked on Monday");
        var slots = monday.GetProperty("advisors")[0].GetProperty("slots").EnumerateArray().Select(s => s.GetDateTime().ToUniversalTime()).ToList();
        Assert.That(slots, Does.Contain(Portland(23, 9)));
        Assert.That(slots, Does.Not.Contain(Portland(23, 8)), "Olivia drops off with the advisor at 8:00");
        Assert.That(slots.Max(), Is.EqualTo(Portland(23, 18)), "last drop-off an hour before closing");
    }

    [Test]
    public async Task Booking_PlansItsParts_AndTellsTheCustomer()
    {
        var miaArranged = await Arrange.CustomerWithCarAsync(App);
        using var advisor = await App.ServiceAsync();
        var response = await BookAsync(advisor, miaArranged, Portland(24, 10), ["OIL-SVC", "CABIN-F"], "Service due, and the fan smells musty");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var booked = await response.ReadJsonAsync();
        var id = booked.GetProperty("id").GetGuid();
        Assert.That(booked.GetProperty("labourMinutes").GetInt32(), Is.EqualTo(60));
        Assert.That(booked.GetProperty("readiness").GetString(), Is.EqualTo("planning"));

        var report = await App.PlanAsync();
        Assert.That(report.LinesReserved, Is.EqualTo(3), "oil filter, oil and cabin filter");
        var planned = await (await advisor.GetAsync($"/api/service/appointments/{id}")).ReadJsonAsync();
        Assert.That(planned.GetProperty("readiness").GetString(), Is.EqualTo("ready"));
        Assert.That(planned.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("state").GetString()), Is.All.EqualTo("reserved"));
        var portland = await App.SiteIdAsync("PDX");
        var filter = await App.QueryAsync(db => db.Parts.SingleAsync(p => p.PartNumber == "80292-TG7-A41" && p.SiteId == portland));
        Assert.That(filter.Available, Is.EqualTo(9), "12 on the shelf: one fitted to Lucas's car in the workshop today, Ava's and Mia's reserved");
        Assert.That(await App.QueryAsync(db => db.Notifications.CountAsync(n => n.DeduplicationKey.StartsWith($"appointment/{id}/booked"))), Is.EqualTo(1));
        Assert.That(await App.QueryAsync(db => db.Touchpoints.CountAsync(t => t.SubjectId == id)), Is.EqualTo(1));
    }

    [Test]
    public async Task Overbooking_IsRefused_ForTheAdvisorAndForTheSlot()
    {
        var miaArranged = await Arrange.CustomerWithCarAsync(App);
        var lucasArranged = await Arrange.CustomerWithCarAsync(App);
        using var advisor = await App.ServiceAsync();
        // Saturday 28th: nothing booked yet. Four timing belts fill the advisor's 16 hours.
        for (var i = 0; i < 4; i++)
        {
            var ok = await BookAsync(advisor, miaArranged, Portland(28, 9).AddMinutes(30 * i), ["TIMING-BELT"]);
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.Created), await ok.Content.ReadAsStringAsync());
        }

        var full = await BookAsync(advisor, lucasArranged, Portland(28, 12), ["OIL-SVC"]);
        Assert.That(full.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var problem = await full.ReadJsonAsync();
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("advisor-full"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Alex Kim"));

        var walkIn = await BookAsync(advisor, lucasArranged, Portland(30, 9), ["TIMING-BELT", "TIMING-BELT"]);
        Assert.That(walkIn.StatusCode, Is.EqualTo(HttpStatusCode.Created), "Monday 30th still has room");
        var sameSlot = await BookAsync(advisor, miaArranged, Portland(30, 9), ["OIL-SVC"]);
        Assert.That(sameSlot.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await sameSlot.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("slot-taken"));

        var saturday = await App.QueryAsync(db => db.WorkshopDays.SingleAsync(d => d.Date == new DateOnly(2026, 11, 28)));
        Assert.That(saturday.BookedMinutes, Is.EqualTo(960), "the refused bookings changed nothing");
    }

    [Test]
    public async Task TwoAdvisorsSellingTheLastHoursAtOnce_OneWins_AndTheDayNeverOverfills()
    {
        var miaArranged = await Arrange.CustomerWithCarAsync(App);
        var lucasArranged = await Arrange.CustomerWithCarAsync(App);
        var ameliaArranged = await Arrange.CustomerWithCarAsync(App);
        using var advisor = await App.ServiceAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.That((await BookAsync(advisor, miaArranged, Portland(28, 9).AddMinutes(30 * i), ["TIMING-BELT"])).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        // Four hours left for the advisor; two bookings of four hours arrive together.
        var (lucas, lucasCar) = CustomerWithVehicle(lucasArranged);
        var (amelia, ameliaCar) = CustomerWithVehicle(ameliaArranged);
        using var second = await App.ServiceAsync();
        var results = await Task.WhenAll(
            advisor.PostAsJsonAsync("/api/service/appointments", new { customerId = lucas, vehicleId = lucasCar, concern = "Belt", operationCodes = new[] { "TIMING-BELT" }, startsAt = Portland(28, 13) }),
            second.PostAsJsonAsync("/api/service/appointments", new { customerId = amelia, vehicleId = ameliaCar, concern = "Belt", operationCodes = new[] { "TIMING-BELT" }, startsAt = Portland(28, 14) }));

        Assert.That(results.Select(r => r.StatusCode).OrderBy(c => c), Is.EqualTo(new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var saturday = await App.QueryAsync(db => db.WorkshopDays.SingleAsync(d => d.Date == new DateOnly(2026, 11, 28)));
        Assert.That(saturday.BookedMinutes, Is.EqualTo(960));
        Assert.That(await App.QueryAsync(db => db.Appointments.CountAsync(a => a.Date == new DateOnly(2026, 11, 28))), Is.EqualTo(4));
    }

    [Test]
    public async Task BadInput_GetsProblemsThatSayWhatToFix_AndChangesNothing()
    {
        var miaArranged = await Arrange.CustomerWithCarAsync(App);
        using var advisor = await App.ServiceAsync();
        var before = await App.QueryAsync(db => db.Appointments.CountAsync());

        var noConcern = await BookAsync(advisor, miaArranged, Portland(24, 10), ["OIL-SVC"], concern: "");
        Assert.That(noConcern.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await noConcern.ReadJsonAsync()).GetProperty("errors").GetProperty("concern")[0].GetString(), Does.Contain("customer's words"));

        var unknown = await BookAsync(advisor, miaArranged, Portland(24, 10), ["NOPE-1"]);
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await unknown.ReadJsonAsync()).GetProperty("errors").GetProperty("operationCodes")[0].GetString(), Does.Contain("NOPE-1"));

        var offGrid = await BookAsync(advisor, miaArranged, Portland(24, 10, 10), ["OIL-SVC"]);
        Assert.That(offGrid.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await offGrid.ReadJsonAsync()).GetProperty("detail").GetString(), Does.Contain("every 30 minutes"));

        var sunday = await BookAsync(advisor, miaArranged, Portland(29, 10), ["OIL-SVC"]);
        Assert.That((await sunday.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("closed"));

        var walkInOnSunday = await BookAsync(advisor, miaArranged, null, ["OIL-SVC"], walkIn: true);
        Assert.That((await walkInOnSunday.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("closed"));

        var nextYear = await BookAsync(advisor, miaArranged, Portland(23, 9).AddDays(364), ["OIL-SVC"]);
        Assert.That((await nextYear.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("beyond-horizon"));

        Assert.That(await App.QueryAsync(db => db.Appointments.CountAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task AWalkInAfterClosingOnAWeekday_IsRefused_AndAVisitCannotMoveBeyondTheHorizon()
    {
        var miaArranged = await Arrange.CustomerWithCarAsync(App);
        using var advisor = await App.ServiceAsync();
        var booked = await BookAsync(advisor, miaArranged, Portland(24, 15, 30), ["OIL-SVC"]);
        Assert.That(booked.StatusCode, Is.EqualTo(HttpStatusCode.Created), await booked.Content.ReadAsStringAsync());
        var id = (await booked.ReadJsonAsync()).GetProperty("id").GetGuid();

        var farAway = await advisor.PostAsJsonAsync($"/api/service/appointments/{id}/reschedule", new { startsAt = Portland(24, 15, 30).AddDays(7 * 40), reason = "Customer asked" });
        Assert.That((await farAway.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("beyond-horizon"));

        // Monday 23rd, 9 PM in Portland: the site closed hours ago.
        App.Clock.Advance(Portland(23, 21) - App.Clock.GetUtcNow().UtcDateTime);
        using var evening = await App.ServiceAsync();
        var walkIn = await BookAsync(evening, miaArranged, null, ["OIL-SVC"], walkIn: true);
        Assert.That(walkIn.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await walkIn.ReadJsonAsync()).GetProperty("detail").GetString(), Does.Contain("closed right now"));
    }

    [Test]
    public async Task Roles_SalesCannotBook_PartsClerkReadsTheLaneButCannotBook_AdvisorCannotEditStock()
    {
        var miaArranged = await Arrange.CustomerWithCarAsync(App);
        using var sales = await App.SalesAsync();
        Assert.That((await sales.GetAsync("/api/service/lane?date=2026-11-23")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var parts = await App.PartsAsync();
        Assert.That((await parts.GetAsync("/api/service/lane?date=2026-11-23")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await BookAsync(parts, miaArranged, Portland(24, 10), ["OIL-SVC"])).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var advisor = await App.ServiceAsync();
        Assert.That((await advisor.GetAsync("/api/parts")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await advisor.PostAsJsonAsync("/api/parts", new { partNumber = "X-1", description = "Thing", onHand = 1, sellPrice = new { amount = 100, currency = "USD" } })).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await advisor.PostAsJsonAsync("/api/service/operations", new { code = "X-1", description = "Thing", labourMinutes = 30 })).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden), "the catalogue is the managers'");
    }

    [Test]
    public async Task TheLane_ShowsTheDayWithPartsReadinessPerLine()
    {
        using var advisor = await App.ServiceAsync();
        var lane = await (await advisor.GetAsync("/api/service/lane?date=2026-11-26")).ReadJsonAsync();
        var charlotte = lane.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("customerName").GetString() == "Charlotte Hayes");
        Assert.That(charlotte.GetProperty("readiness").GetString(), Is.EqualTo("atRisk"));
        var pump = charlotte.GetProperty("parts")[0];
        Assert.That(pump.GetProperty("state").GetString(), Is.EqualTo("onOrder"));
        Assert.That(pump.GetProperty("inTime").GetBoolean(), Is.False);
        Assert.That(pump.GetProperty("orderReference").GetString(), Does.StartWith("PDX-"));
        Assert.That(lane.GetProperty("notReady").GetInt32(), Is.EqualTo(1));
        Assert.That(lane.GetProperty("needingRecovery").EnumerateArray().Select(i => i.GetGuid()), Is.EqualTo(new[] { charlotte.GetProperty("id").GetGuid() }));
        Assert.That(lane.GetProperty("recoveryTimes").EnumerateObject(), Is.Empty, "free times only for the visit being put right, when asked");

        // Asked for her visit: times after the pump is due, for her alone. A parts clerk reads the lane but moves nothing, so gets none.
        var id = charlotte.GetProperty("id").GetGuid();
        var fixing = await (await advisor.GetAsync($"/api/service/lane?date=2026-11-26&newTimesFor={id}")).ReadJsonAsync();
        var times = fixing.GetProperty("recoveryTimes").EnumerateObject().ToList();
        Assert.That(times.Select(t => Guid.Parse(t.Name)), Is.EqualTo(new[] { id }));
        var due = DateOnly.Parse(pump.GetProperty("eta").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(times[0].Value.EnumerateArray().Select(t => t.GetProperty("startsAt").GetDateTime()), Is.Not.Empty.And.All.GreaterThan(due.ToDateTime(TimeOnly.MinValue)));
        using var parts = await App.PartsAsync();
        var clerk = await (await parts.GetAsync($"/api/service/lane?date=2026-11-26&newTimesFor={id}")).ReadJsonAsync();
        Assert.That(clerk.GetProperty("recoveryTimes").EnumerateObject(), Is.Empty);
    }

    [Test]
    public async Task Cancelling_ReleasesLabourAndReservedParts()
    {
        using var advisor = await App.ServiceAsync();
        var olivia = await VisitAsync(Portland(23, 13), "OIL-SVC");
        var bookedBefore = (await App.QueryAsync(db => db.WorkshopDays.SingleAsync(d => d.Date == new DateOnly(2026, 11, 23)))).BookedMinutes;
        var reservedBefore = await App.QueryAsync(db => db.Parts.Where(p => p.PartNumber == "15400-PLM-A02" && p.SiteId == olivia.SiteId).Select(p => p.Reserved).SingleAsync());

        var missingReason = await advisor.PostAsJsonAsync($"/api/service/appointments/{olivia.Id}/cancellation", new { reason = "" });
        Assert.That(missingReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var cancelled = await advisor.PostAsJsonAsync($"/api/service/appointments/{olivia.Id}/cancellation", new { reason = "Customer sold the car" });
        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.OK), await cancelled.Content.ReadAsStringAsync());

        var reservedAfter = await App.QueryAsync(db => db.Parts.Where(p => p.PartNumber == "15400-PLM-A02" && p.SiteId == olivia.SiteId).Select(p => p.Reserved).SingleAsync());
        Assert.That(reservedAfter, Is.EqualTo(reservedBefore - 1));
        var monday = await App.QueryAsync(db => db.WorkshopDays.SingleAsync(d => d.Date == new DateOnly(2026, 11, 23)));
        Assert.That(monday.BookedMinutes, Is.EqualTo(bookedBefore - 45), "its 45 minutes of labour are free again");
        Assert.That(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.TemplateKey == "service.cancelled" && n.CustomerId == olivia.CustomerId)), Is.True);
    }

    [Test]
    public async Task Rescheduling_BeyondTheHorizon_GivesReservedPartsBack_AndAStaleVersionIs412()
    {
        using var advisor = await App.ServiceAsync();
        var noah = await VisitAsync(Portland(24, 13), "OIL-SVC");
        Assert.That(noah.Readiness, Is.EqualTo(PartsReadiness.Ready));
        var filtersBefore = await App.QueryAsync(db => db.Parts.Where(p => p.PartNumber == "15400-PLM-A02" && p.SiteId == noah.SiteId).Select(p => p.Reserved).SingleAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/service/appointments/{noah.Id}/reschedule")
        {
            Content = JsonContent.Create(new { startsAt = Portland(24, 10), reason = "Customer asked" }),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", $"\"{noah.Version + 5}\"");
        Assert.That((await advisor.SendAsync(stale)).StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));

        var farAway = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2027, 1, 12, 9, 0, 0), TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));
        var moved = await advisor.PostAsJsonAsync($"/api/service/appointments/{noah.Id}/reschedule", new { startsAt = farAway, reason = "Away until January" });
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
        var report = await App.PlanAsync();

        Assert.That(report.LinesReleased, Is.EqualTo(2), "the filter and the oil");
        var filters = await App.QueryAsync(db => db.Parts.Where(p => p.PartNumber == "15400-PLM-A02" && p.SiteId == noah.SiteId).Select(p => p.Reserved).SingleAsync());
        Assert.That(filters, Is.EqualTo(filtersBefore - 1), "its filter is back on the shelf for others");
        var after = await VisitOfAsync(noah.Id);
        Assert.That(after.PartLines.Select(l => l.State), Is.All.EqualTo(PartLineState.Needed), "planned again once January comes within the horizon");
        Assert.That(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.TemplateKey == "service.rescheduled" && n.CustomerId == noah.CustomerId)), Is.True);
    }

    [Test]
    public async Task EveryMoveIsTold_EvenBackToATimeItHadBefore_AMoveToWhereItIsChangesNothing_AndASameDayMoveCountsItsLabourOnce()
    {
        using var advisor = await App.ServiceAsync();
        var noah = await VisitAsync(Portland(24, 13), "OIL-SVC");
        async Task<long> MoveAsync(DateTime startsAt)
        {
            var moved = await advisor.PostAsJsonAsync($"/api/service/appointments/{noah.Id}/reschedule", new { startsAt, reason = "Customer asked" });
            Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
            return (await moved.ReadJsonAsync()).GetProperty("version").GetInt64();
        }

        async Task<int> BookedOnTheTwentyFourthAsync() =>
            await App.QueryAsync(db => db.WorkshopDays.Where(d => d.SiteId == noah.SiteId && d.Date == new DateOnly(2026, 11, 24)).Select(d => d.BookedMinutes).SingleAsync());
        async Task<List<int>> ToldPerChannelAsync() => await App.QueryAsync(db => db.Notifications
            .Where(n => n.TemplateKey == "service.rescheduled" && n.CustomerId == noah.CustomerId).GroupBy(n => n.Channel).Select(g => g.Count()).ToListAsync());

        var booked = await BookedOnTheTwentyFourthAsync();
        await MoveAsync(Portland(24, 15));
        Assert.That(await BookedOnTheTwentyFourthAsync(), Is.EqualTo(booked), "moved within the day: its labour counted once");
        await MoveAsync(Portland(25, 10));
        Assert.That(await BookedOnTheTwentyFourthAsync(), Is.EqualTo(booked - noah.LabourMinutes));
        var version = await MoveAsync(Portland(24, 15));
        Assert.That(await ToldPerChannelAsync(), Is.Not.Empty.And.All.EqualTo(3), "three moves, the last back to a time it had before: each told");

        Assert.That(await MoveAsync(Portland(24, 15)), Is.EqualTo(version), "a move to where it already is (a second click) changes nothing");
        Assert.That(await ToldPerChannelAsync(), Is.All.EqualTo(3), "and tells nobody");
        Assert.That(await BookedOnTheTwentyFourthAsync(), Is.EqualTo(booked));
    }

    [Test]
    public async Task CheckIn_RecordsTheVisitAndAPromise_AndRecoveryIsADecisionWithinTheLimitOrAwaitingAManager()
    {
        using var advisor = await App.ServiceAsync();
        var charlotte = await VisitAsync(Portland(26, 9), "DIAG");

        var bad = await advisor.PostAsJsonAsync($"/api/service/appointments/{charlotte.Id}/check-in", new { mileage = -5, updatesContact = "", promisedReadyAt = Portland(26, 17) });
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var checkIn = await advisor.PostAsJsonAsync($"/api/service/appointments/{charlotte.Id}/check-in",
            new { mileage = 48_210, concernConfirmed = "Hybrid system warning, intermittent", updatesContact = "Text 503-555-0112", promisedReadyAt = Portland(27, 17) });
        Assert.That(checkIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), await checkIn.Content.ReadAsStringAsync());
        var view = await checkIn.ReadJsonAsync();
        Assert.That(view.GetProperty("status").GetString(), Is.EqualTo("checkedIn"));
        Assert.That(view.GetProperty("mileage").GetInt32(), Is.EqualTo(48_210));
        var promise = await App.QueryAsync(db => db.Promises.SingleAsync(p => p.SubjectId == charlotte.Id));
        Assert.That(promise.DueAt, Is.EqualTo(Portland(27, 17)));
        Assert.That((await advisor.PostAsJsonAsync($"/api/service/appointments/{charlotte.Id}/check-in",
            new { mileage = 1, updatesContact = "x", promisedReadyAt = Portland(27, 17) })).StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "checked in once");

        var loaner = await advisor.PostAsJsonAsync($"/api/service/appointments/{charlotte.Id}/recovery", new { action = "loaner", reason = "Pump not in yet; she needs a car for work" });
        Assert.That(loaner.StatusCode, Is.EqualTo(HttpStatusCode.Created), await loaner.Content.ReadAsStringAsync());
        Assert.That((await loaner.ReadJsonAsync()).GetProperty("status").GetString(), Is.EqualTo("applied"));
        var coffee = await advisor.PostAsJsonAsync($"/api/service/appointments/{charlotte.Id}/recovery",
            new { action = "coupon", amount = new { amount = 2_500, currency = "USD" }, reason = "Lunch in the cafe while we sort it" });
        Assert.That((await coffee.ReadJsonAsync()).GetProperty("status").GetString(), Is.EqualTo("applied"));
        var big = await advisor.PostAsJsonAsync($"/api/service/appointments/{charlotte.Id}/recovery",
            new { action = "goodwill", amount = new { amount = 25_000, currency = "USD" }, reason = "Second visit for the same fault" });
        var bigView = await big.ReadJsonAsync();
        Assert.That(bigView.GetProperty("status").GetString(), Is.EqualTo("awaitingApproval"));
        Assert.That(bigView.GetProperty("limit").GetInt64(), Is.EqualTo(10_000));
        var noAmount = await advisor.PostAsJsonAsync($"/api/service/appointments/{charlotte.Id}/recovery", new { action = "goodwill", reason = "x" });
        Assert.That(noAmount.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        var decisions = await (await advisor.GetAsync($"/api/decisions?subjectId={charlotte.Id}")).ReadJsonAsync();
        Assert.That(decisions.GetProperty("total").GetInt32(), Is.EqualTo(3));
        Assert.That(decisions.GetProperty("items").EnumerateArray().All(d => d.GetProperty("outcome").GetString() == "open" && d.GetProperty("staffName").GetString() == "Alex Kim"), Is.True);
        var timeline = await App.QueryAsync(db => db.Touchpoints.Where(t => t.SubjectId == charlotte.Id).Select(t => t.Summary).ToListAsync());
        Assert.That(timeline, Has.Some.Contains("loaner car"));
        Assert.That(timeline, Has.Some.Contains("manager approval"));
        Assert.That(timeline, Has.Some.Contains("Checked in at 48,210 miles"));
    }

    [Test]
    public async Task Reminder_GoesTheDayBefore_Once_AndTheCustomerConfirmsWithAButton()
    {
        var noah = await VisitAsync(Portland(24, 14), "DIAG");
        App.Clock.SetUtcNow(Portland(23, 11));
        Assert.That(await App.RunServiceRemindersAsync(), Is.GreaterThanOrEqualTo(1), "every visit tomorrow (Tuesday), ours among them");
        Assert.That(await App.RunServiceRemindersAsync(), Is.EqualTo(0), "a re-run sends nothing twice");
        Assert.That(await App.QueryAsync(db => db.Notifications.CountAsync(n => n.TemplateKey == "service.reminder" && n.CustomerId == noah.CustomerId)), Is.EqualTo(1));

        var token = await App.TrackingTokenAsync(noah.CustomerId);
        Assert.That(await App.SendAsync(new ConfirmMyAppointment.Command(token, noah.Id)), Is.True);
        var confirmed = await VisitOfAsync(noah.Id);
        Assert.That(confirmed.ConfirmedAt, Is.EqualTo(Portland(23, 11)));
        Assert.That(await App.QueryAsync(db => db.Touchpoints.AnyAsync(t => t.SubjectId == noah.Id && t.Summary.StartsWith("Confirmed"))), Is.True);

        var otherToken = await App.TrackingTokenAsync((await Arrange.CustomerWithCarAsync(App)).CustomerId);
        Assert.ThrowsAsync<Application.Common.NotFoundException>(async () => await App.SendAsync(new ConfirmMyAppointment.Command(otherToken, noah.Id)),
            "a customer's link reaches only that customer's visits");
    }

    [Test]
    public async Task AtRiskCustomer_SeesNewTimesAfterThePartsArrive_AndPicksOne()
    {
        var charlotte = await VisitAsync(Portland(27, 9), "HV-PUMP");
        Assert.That(charlotte.Readiness, Is.EqualTo(PartsReadiness.AtRisk), "the hybrid pump takes 15 working days");
        var token = await App.TrackingTokenAsync(charlotte.CustomerId);
        var page = await App.QueryAsync<GetTrackingPage.TrackingPage>(async _ =>
        {
            using var scope = App.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new GetTrackingPage.Query(token));
        });
        var visit = page.Visits.Single();
        Assert.That(visit.AtRisk, Is.True);
        Assert.That(visit.NewTimes, Is.Not.Empty);
        var partsBy = charlotte.PartsExpectedBy()!.Value;
        Assert.That(visit.NewTimes.All(t => DateOnly.FromDateTime(t.LocalStart) > partsBy), Is.True, "only times after the pump can be on the shelf");

        Assert.That(await App.SendAsync(new RescheduleMyAppointment.Command(token, charlotte.Id, visit.NewTimes[0].StartsAt)), Is.True);
        var moved = await VisitOfAsync(charlotte.Id);
        Assert.That(moved.StartsAt, Is.EqualTo(visit.NewTimes[0].StartsAt));
        Assert.That(moved.Readiness, Is.EqualTo(PartsReadiness.Ordered), "no longer at risk: the pump arrives in time for the new date");
        Assert.That(await App.QueryAsync(db => db.Touchpoints.AnyAsync(t => t.SubjectId == charlotte.Id && t.Summary.Contains("picked by the customer"))), Is.True);
    }

    [Test]
    public async Task ARetriedBooking_WithTheSameIdempotencyKey_BooksOnce()
    {
        var lucasArranged = await Arrange.CustomerWithCarAsync(App);
        using var advisor = await App.ServiceAsync();
        var (customer, vehicle) = CustomerWithVehicle(lucasArranged);
        var body = new { customerId = customer, vehicleId = vehicle, concern = "Check engine light", operationCodes = new[] { "DIAG" }, startsAt = Portland(25, 14) };
        async Task<HttpResponseMessage> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/service/appointments") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "book-lucas-diag-1");
            return await advisor.SendAsync(request);
        }

        var first = await SendAsync();
        var retry = await SendAsync();
        Assert.That((first.StatusCode, retry.StatusCode), Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.Created)));
        Assert.That(retry.Headers.Contains("Idempotency-Replayed"), Is.True);
        Assert.That(await App.QueryAsync(db => db.Appointments.CountAsync(a => a.CustomerId == customer)), Is.EqualTo(1));
        var wednesday = await App.QueryAsync(db => db.WorkshopDays.SingleAsync(d => d.Date == new DateOnly(2026, 11, 25)));
        Assert.That(wednesday.BookedMinutes, Is.EqualTo(45 + 15 + 60), "Ava's service and filter, and Lucas's diagnosis once");
    }

    [Test]
    public async Task ListRoutes_PageAndFilter()
    {
        using var advisor = await App.ServiceAsync();
        var operations = await (await advisor.GetAsync("/api/service/operations?pageSize=3")).ReadJsonAsync();
        Assert.That((operations.GetProperty("total").GetInt32(), operations.GetProperty("items").GetArrayLength()), Is.EqualTo((8, 3)));
        Assert.That((await (await advisor.GetAsync("/api/service/operations?search=brake")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("code").GetString(), Is.EqualTo("BRK-F"));

        var atRisk = await (await advisor.GetAsync("/api/service/appointments?readiness=atRisk")).ReadJsonAsync();
        Assert.That(atRisk.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("customerName").GetString()), Is.EqualTo(new[] { "Charlotte Hayes" }));
        var week = await (await advisor.GetAsync("/api/service/appointments?from=2026-11-23&to=2026-11-27&pageSize=2")).ReadJsonAsync();
        Assert.That((week.GetProperty("total").GetInt32(), week.GetProperty("items").GetArrayLength()), Is.EqualTo((6, 2)));
        var badFilter = await advisor.GetAsync("/api/service/appointments?readiness=soon");
        Assert.That(badFilter.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await advisor.GetAsync("/api/service/appointments?pageSize=500")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await advisor.GetAsync("/api/service/availability?from=2026-11-23&to=2027-02-01")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        using var clerk = await App.PartsAsync();
        var drafts = await (await clerk.GetAsync("/api/parts/orders?status=draft")).ReadJsonAsync();
        Assert.That(drafts.GetProperty("items")[0].GetProperty("supplierName").GetString(), Is.EqualTo("Pacific Auto Supply"));
        Assert.That((await (await clerk.GetAsync("/api/parts/orders?open=true")).ReadJsonAsync()).GetProperty("total").GetInt32(), Is.EqualTo(3));
        Assert.That((await (await clerk.GetAsync("/api/suppliers")).ReadJsonAsync()).GetProperty("total").GetInt32(), Is.EqualTo(3));
        var partId = (await (await clerk.GetAsync("/api/parts?search=wiper")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        var part = await clerk.GetAsync($"/api/parts/{partId}");
        Assert.That(part.Headers.ETag, Is.Not.Null);
        Assert.That((await part.ReadJsonAsync()).GetProperty("suppliers").GetArrayLength(), Is.EqualTo(2));

        Assert.That((await advisor.PostAsync("/api/service/parts-planning", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var manager = await App.ManagerAsync();
        var run = await manager.PostAsync("/api/service/parts-planning", null);
        Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await run.ReadJsonAsync()).GetProperty("linesOrdered").GetInt32(), Is.Zero, "the demo was planned at seeding");
        Assert.That((await (await advisor.GetAsync("/api/service/lane?date=2026-11-23&advisor=me")).ReadJsonAsync()).GetProperty("appointments").GetInt32(), Is.EqualTo(2));
        Assert.That((await (await manager.GetAsync("/api/service/lane?date=2026-11-23&advisor=me")).ReadJsonAsync()).GetProperty("appointments").GetInt32(), Is.Zero,
            "the manager advises on none of them");
        Assert.That((await manager.GetAsync("/api/service/lane?advisor=someone")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var site = (await (await manager.GetAsync("/api/sites")).ReadJsonAsync()).EnumerateArray().First(s => s.GetProperty("code").GetString() == "PDX");
        Assert.That(site.GetProperty("workshop").GetProperty("labourRatePerHour").GetInt64(), Is.EqualTo(16_500));
    }

    [Test]
    public async Task PartsCheck_SaysWhenTheFirstSafeDayIs_AndARescheduleRecoveryMovesTheVisitAndIsRecorded()
    {
        using var advisor = await App.ServiceAsync();
        var check = await (await advisor.GetAsync("/api/service/parts-check?operations=WIPER-MOTOR&operations=OIL-SVC")).ReadJsonAsync();
        Assert.That(check.GetProperty("allInStock").GetBoolean(), Is.False);
        Assert.That(check.GetProperty("earliestVisit").GetString(), Is.EqualTo("2026-11-27"), "OEM delivers Thursday 26th (3 working days from Monday); the visit can be Friday");
        var motor = check.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("partNumber").GetString() == "76505-TG7-A01");
        Assert.That((motor.GetProperty("inStock").GetBoolean(), motor.GetProperty("earliestOnShelf").GetString()), Is.EqualTo((false, "2026-11-26")));

        var charlotte = await VisitAsync(Portland(27, 9), "HV-PUMP");
        var noTime = await advisor.PostAsJsonAsync($"/api/service/appointments/{charlotte.Id}/recovery", new { action = "reschedule", reason = "Pump late" });
        Assert.That(noTime.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var afterPump = Portland(30, 9).AddDays(14);
        var moved = await advisor.PostAsJsonAsync($"/api/service/appointments/{charlotte.Id}/recovery", new { action = "reschedule", reason = "Pump arrives on the 10th; she agreed to the 14th", moveTo = afterPump });
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.Created), await moved.Content.ReadAsStringAsync());
        var decision = await moved.ReadJsonAsync();
        Assert.That(decision.GetProperty("action").GetString(), Is.EqualTo("reschedule"));
        var after = await VisitOfAsync(charlotte.Id);
        Assert.That((after.StartsAt, after.Readiness), Is.EqualTo((afterPump, PartsReadiness.Ordered)));
        // The answer says where the visit went, as the lane's message does.
        var movedTo = decision.GetProperty("movedTo");
        Assert.That((movedTo.GetProperty("startsAt").GetDateTime(), movedTo.GetProperty("advisorName").GetString()), Is.EqualTo((afterPump, "Alex Kim")));
    }

    [Test]
    public async Task ARecoveryMoveToATimeItsAdvisorHasTaken_GoesToTheAdvisorFreeThen_AsTheCustomersOwnPickDoes()
    {
        using var manager = await App.ManagerAsync();
        var sam = await NewPortlandAdvisorAsync(manager, "sam.second@demo.local", "Sam Second");

        var charlotte = await VisitAsync(Portland(27, 9), "HV-PUMP");
        var afterPump = Portland(30, 9).AddDays(14);
        using var advisor = await App.ServiceAsync();
        var other = await BookAsync(advisor, await Arrange.CustomerWithCarAsync(App), afterPump, ["OIL-SVC"]);
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Created), await other.Content.ReadAsStringAsync());
        Assert.That((await other.ReadJsonAsync()).GetProperty("advisorStaffId").GetGuid(), Is.EqualTo(charlotte.AdvisorStaffId), "her advisor now has a car dropping off then");

        // A staff move naming no advisor keeps the visit's own: refused, though Sam is free then.
        var keepsHers = await advisor.PostAsJsonAsync($"/api/service/appointments/{charlotte.Id}/reschedule", new { startsAt = afterPump, reason = "Customer asked" });
        Assert.That(keepsHers.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), await keepsHers.Content.ReadAsStringAsync());
        Assert.That((await keepsHers.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("slot-taken"));
        var unmoved = await VisitOfAsync(charlotte.Id);
        Assert.That((unmoved.StartsAt, unmoved.AdvisorStaffId), Is.EqualTo((charlotte.StartsAt, charlotte.AdvisorStaffId)));

        var moved = await advisor.PostAsJsonAsync($"/api/service/appointments/{charlotte.Id}/recovery",
            new { action = "reschedule", reason = "Pump arrives on the 10th; she agreed to the 14th at 9", moveTo = afterPump });
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.Created), await moved.Content.ReadAsStringAsync());
        var after = await VisitOfAsync(charlotte.Id);
        Assert.That((after.StartsAt, after.AdvisorStaffId), Is.EqualTo((afterPump, sam)), "the time agreed holds, with the advisor free then");

        // With nobody free at that time, the move is refused with the reason and changes nothing.
        var third = await VisitAsync(Portland(27, 10, 30), "HV-PUMP");
        var refused = await advisor.PostAsJsonAsync($"/api/service/appointments/{third.Id}/recovery",
            new { action = "reschedule", reason = "He agreed to the 14th at 9", moveTo = afterPump });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), await refused.Content.ReadAsStringAsync());
        var problem = await refused.ReadJsonAsync();
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("slot-taken"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("already has a car dropping off"), "staff read the precise reason, not the customer's 'just taken'");
        Assert.That((await VisitOfAsync(third.Id)).StartsAt, Is.EqualTo(Portland(27, 10, 30)));
    }

    [Test]
    public async Task ARecoveryMoveFromTheLane_ThatHandsTheVisitToAnotherAdvisor_SaysWhoHasItNow()
    {
        // The lane offers times, not people: the advisor who moved the visit must read who has it now.
        using var manager = await App.ManagerAsync();
        await NewPortlandAdvisorAsync(manager, "sam.second@demo.local", "Sam Second");
        var charlotte = await VisitAsync(Portland(27, 9), "HV-PUMP");
        var afterPump = Portland(30, 9).AddDays(14);
        using var advisor = await App.ServiceAsync();
        var other = await BookAsync(advisor, await Arrange.CustomerWithCarAsync(App), afterPump, ["OIL-SVC"]);
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Created), await other.Content.ReadAsStringAsync());

        var (pages, token) = await App.SignInToPagesAsync("service@demo.local");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["__submissionKey"] = Guid.NewGuid().ToString(), ["appointmentId"] = charlotte.Id.ToString(),
            ["action"] = "Reschedule", ["reason"] = "Pump arrives on the 10th; she agreed to the 14th at 9",
            ["startsAt"] = afterPump.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        });
        var posted = await pages.PostAsync($"/service?date={charlotte.Date:yyyy-MM-dd}&handler=Recovery", form);
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await posted.Content.ReadAsStringAsync());

        var lane = System.Net.WebUtility.HtmlDecode(await pages.GetStringAsync(posted.Headers.Location));
        Assert.That(lane, Does.Contain("Moved to Monday 14 December at 9:00 AM with Sam Second"));
        Assert.That((await VisitOfAsync(charlotte.Id)).StartsAt, Is.EqualTo(afterPump));
    }

    [Test]
    public async Task AVisitWhoseAdvisorLeft_MovedWithoutNamingAnAdvisor_GoesToAnAdvisorFreeThen()
    {
        using var manager = await App.ManagerAsync();
        var lee = await NewPortlandAdvisorAsync(manager, "lee.leaving@demo.local", "Lee Leaving");
        var who = await Arrange.CustomerWithCarAsync(App);
        using var advisor = await App.ServiceAsync();
        var booked = await advisor.PostAsJsonAsync("/api/service/appointments", new
        {
            customerId = who.CustomerId, vehicleId = who.VehicleId, concern = "Oil change", operationCodes = new[] { "OIL-SVC" },
            startsAt = Portland(30, 10), advisorStaffId = lee, separateVisit = true,
        });
        Assert.That(booked.StatusCode, Is.EqualTo(HttpStatusCode.Created), await booked.Content.ReadAsStringAsync());
        var id = (await booked.ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.That((await manager.PostAsync($"/api/staff/{lee}/deactivate", null)).IsSuccessStatusCode, Is.True);

        var moved = await advisor.PostAsJsonAsync($"/api/service/appointments/{id}/reschedule", new { startsAt = Portland(30, 11), reason = "Customer asked" });

        Assert.That(moved.IsSuccessStatusCode, Is.True, await moved.Content.ReadAsStringAsync());
        var alex = await App.QueryAsync(db => db.Users.Where(u => u.Email == "service@demo.local").Select(u => u.Id).SingleAsync());
        var after = await VisitOfAsync(id);
        Assert.That((after.StartsAt, after.AdvisorStaffId), Is.EqualTo((Portland(30, 11), alex)), "not refused for a person the caller never named");
    }
}
