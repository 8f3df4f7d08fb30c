using System.Net;
using System.Text.RegularExpressions;
using Dealership.Application.Service;
using Dealership.Domain.Parts;
using Dealership.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace Dealership.IntegrationTests;

/// <summary>The advisor's and clerk's screens tell the truth and keep what people typed.</summary>
public sealed partial class ServiceDeskTests : SharedAppTests
{
    [Test]
    public async Task APartOnAnUnsentDraft_SaysSo_InsteadOfOnOrder()
    {
        // The demo's Pacific Auto Supply order waits for the clerk's approval.
        var visitId = await App.QueryAsync(db => db.Appointments
            .Where(a => a.PartLines.Any(l => db.PartsOrders.Any(o => o.Id == l.PartsOrderId && o.Status == PartsOrderStatus.Draft)))
            .Select(a => a.Id).FirstAsync());
        using var advisor = await App.ServiceAsync();

        var visit = await (await advisor.GetAsync($"/api/service/appointments/{visitId}")).ReadJsonAsync();

        var onDraft = visit.GetProperty("parts").EnumerateArray().Where(p => p.GetProperty("orderNotSent").GetBoolean()).ToList();
        Assert.That(onDraft, Is.Not.Empty);
        var chip = Dealership.Web.Pages.Service.IndexModel.Chip(new PartLineView("X", "Part", 1, PartLineState.OnOrder, new DateOnly(2026, 12, 1), "PO-1", InTime: true, OrderNotSent: true));
        Assert.That(chip.Text, Does.StartWith("Draft, not yet sent"));
    }

    [Test]
    public void TheSuggestedReadyTime_IsNeverInThePast_ForACarThatArrivesLate()
    {
        var booked = new DateTime(2026, 11, 23, 8, 0, 0);
        var view = new AppointmentView(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Dana", Guid.NewGuid(), "2019 Honda CR-V", Guid.NewGuid(), "Alex",
            "Oil change", booked.ToUniversalTime(), booked, DateOnly.FromDateTime(booked), false, 45, AppointmentStatus.Booked, PartsReadiness.Ready, null,
            DateOnly.FromDateTime(booked), null, null, null, null, null, [], [], 1);

        var lateArrival = Dealership.Web.Pages.Service.IndexModel.SuggestedReady(view, localNow: new DateTime(2026, 11, 23, 13, 10, 0));
        var onTime = Dealership.Web.Pages.Service.IndexModel.SuggestedReady(view, localNow: new DateTime(2026, 11, 23, 7, 50, 0));

        Assert.That(lateArrival, Is.EqualTo(new DateTime(2026, 11, 23, 15, 0, 0)), "from now: 13:10 + 45 min + 1 h, on the half hour");
        Assert.That(onTime, Is.EqualTo(new DateTime(2026, 11, 23, 9, 45, 0).AddMinutes(15)), "from the booked drop-off");
    }

    [Test]
    public async Task ACheckInThatFails_KeepsTheOdometerAndConcernTheAdvisorTyped()
    {
        var visit = await App.QueryAsync(db => db.Appointments.Where(a => a.Status == AppointmentStatus.Booked).OrderBy(a => a.StartsAt)
            .Select(a => new { a.Id, a.Version, a.Date }).FirstAsync());
        var (client, token) = await App.SignInToPagesAsync("service@demo.local");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["__submissionKey"] = Guid.NewGuid().ToString(), ["appointmentId"] = visit.Id.ToString(),
            ["mileage"] = "40123", ["concern"] = "Squeal from the front left when braking", ["updates"] = "Text me", ["readyAt"] = "",
            ["version"] = visit.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var response = await client.PostAsync($"/service?date={visit.Date:yyyy-MM-dd}&handler=CheckIn", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.That(html, Does.Contain("Enter the odometer reading and when the car will be ready"));
        Assert.That(MileageValue().Match(html).Groups[1].Value, Is.EqualTo("40123"), "the odometer is not wiped");
        Assert.That(html, Does.Contain("value=\"Squeal from the front left when braking\""));
    }

    [Test]
    public async Task TheLaneAndTheVisitPage_DescribeAVisitAlike_ReadFromColumnsOrFromTheWholeVisit()
    {
        // The lane reads columns and joins names; the visit's own route loads the whole visit: the same view either way.
        var portland = await App.SiteIdAsync("PDX");
        var visits = await App.QueryAsync(db => db.Appointments
            .Where(a => a.SiteId == portland && a.Status == AppointmentStatus.Booked && a.Operations.Count >= 2 && a.PartLines.Count >= 2)
            .Select(a => new { a.Id, a.Date }).Take(5).ToListAsync());
        Assert.That(visits, Is.Not.Empty, "the demo has visits with several operations and parts");
        using var advisor = await App.ServiceAsync();
        foreach (var visit in visits)
        {
            var lane = await (await advisor.GetAsync($"/api/service/lane?date={visit.Date:yyyy-MM-dd}")).ReadJsonAsync();
            var fromLane = lane.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == visit.Id);
            var fromVisit = await (await advisor.GetAsync($"/api/service/appointments/{visit.Id}")).ReadJsonAsync();
            Assert.That(fromLane.GetRawText(), Is.EqualTo(fromVisit.GetRawText()));
            Assert.That(fromLane.GetProperty("customerName").GetString(), Is.Not.Empty);
            Assert.That(fromLane.GetProperty("parts").GetArrayLength(), Is.GreaterThanOrEqualTo(2));
        }
    }

    [Test]
    public async Task TheLane_ShowsEachLinesOrderAndWhetherItIsSent_AndHowEachCustomerIsReached_AsTheDatabaseSays()
    {
        // The lane joins the order's reference and state into the lines' query and the customer's phone and email into
        // the visits' query (issue #14); the visit's own route looks both up. Every line on an order and every customer
        // must read as the database says, drafts included.
        var portland = await App.SiteIdAsync("PDX");
        var ordered = await App.QueryAsync(db => db.Appointments.Where(a => a.SiteId == portland && a.Status == AppointmentStatus.Booked)
            .SelectMany(a => a.PartLines.Where(l => l.PartsOrderId != null), (a, l) => new { a.Id, a.Date, a.CustomerId, l.PartNumber, l.PartsOrderId })
            .Join(db.PartsOrders, x => x.PartsOrderId, o => (Guid?)o.Id, (x, o) => new { x.Id, x.Date, x.CustomerId, x.PartNumber, o.Reference, Draft = o.Status == PartsOrderStatus.Draft })
            .ToListAsync());
        Assert.That(ordered.Select(o => o.Draft).Distinct(), Is.EquivalentTo(new[] { true, false }),
            "the demo's planner has ordered parts for upcoming visits, on drafts and on orders sent");
        using var advisor = await App.ServiceAsync();
        foreach (var day in ordered.GroupBy(o => o.Date))
        {
            var lane = await (await advisor.GetAsync($"/api/service/lane?date={day.Key:yyyy-MM-dd}")).ReadJsonAsync();
            var items = lane.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid());
            foreach (var line in day)
            {
                var shown = items[line.Id].GetProperty("parts").EnumerateArray()
                    .Single(p => p.GetProperty("partNumber").GetString() == line.PartNumber && p.GetProperty("orderReference").GetString() == line.Reference);
                Assert.That(shown.GetProperty("orderReference").GetString(), Is.EqualTo(line.Reference));
                Assert.That(shown.GetProperty("orderNotSent").GetBoolean(), Is.EqualTo(line.Draft), line.Reference);
                var fromVisit = await (await advisor.GetAsync($"/api/service/appointments/{line.Id}")).ReadJsonAsync();
                Assert.That(items[line.Id].GetRawText(), Is.EqualTo(fromVisit.GetRawText()));
            }

            var customerIds = items.Values.Select(i => i.GetProperty("customerId").GetGuid()).Distinct().ToList();
            var reach = await App.QueryAsync(db => db.Customers.Where(c => customerIds.Contains(c.Id)).Select(c => new { c.Id, c.MobilePhone, c.Email }).ToListAsync());
            var contacts = lane.GetProperty("contacts");
            Assert.That(contacts.EnumerateObject().Count(), Is.EqualTo(customerIds.Count));
            foreach (var customer in reach)
            {
                Assert.That(contacts.GetProperty(customer.Id.ToString()).GetString(),
                    Is.EqualTo(customer.MobilePhone is { } phone ? $"Text {phone}" : $"Email {customer.Email}"));
            }
        }
    }

    [Test]
    public async Task ARecoveryThatFails_KeepsTheGestureValueAndReasonTheAdvisorTyped()
    {
        var visit = await App.QueryAsync(db => db.Appointments.Where(a => a.Status == AppointmentStatus.Booked && a.Readiness == PartsReadiness.AtRisk)
            .OrderBy(a => a.StartsAt).Select(a => new { a.Id, a.Date }).FirstAsync());
        var (client, token) = await App.SignInToPagesAsync("service@demo.local");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["__submissionKey"] = Guid.NewGuid().ToString(), ["appointmentId"] = visit.Id.ToString(),
            ["action"] = "Goodwill", ["amount"] = "twenty", ["reason"] = "Waited a week for the pump",
        });

        var response = await client.PostAsync($"/service?date={visit.Date:yyyy-MM-dd}&handler=Recovery", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.That(html, Does.Contain("Enter the amount, for example 25.00."));
        Assert.That(html, Does.Contain("value=\"Goodwill\" selected=\"selected\""), "the gesture chosen stays chosen");
        Assert.That(html, Does.Contain("value=\"twenty\""), "the amount typed is there to correct");
        Assert.That(html, Does.Contain("value=\"Waited a week for the pump\""), "the reason is not wiped");
        Assert.That(await App.QueryAsync(db => db.Decisions.CountAsync(d => d.SubjectId == visit.Id && d.Reason == "Waited a week for the pump")), Is.Zero);
    }

    [GeneratedRegex("name=\"mileage\" type=\"number\" min=\"0\" value=\"(\\d+)\"")]
    private static partial Regex MileageValue();
}
