using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Dealership.BrowserTests;

/// <summary>
/// Whatever a customer or a colleague types is shown as text, never run: a name and a message written on the
/// tracking page that carry markup appear literally on the staff customer page, the inbox and the customer's
/// own page, and a visit's concern and a technician's inspection note appear literally on the service desk's
/// and the workshop's visit pages and the customer's page; no script of theirs runs (no dialog, no global set). CSP would stop an inline script anyway;
/// these tests check the escaping itself, because the literal text must be visible.
/// </summary>
public sealed class EscapingTests
{
    private const string Markup = "<img src=x onerror=\"window.__xss=1;alert(1)\"><script>window.__xss=2</script>";

    private BrowserHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await BrowserHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task MarkupInANameAndAMessage_ShowsAsText_OnStaffPagesAndTheCustomersOwnPage_AndNeverRuns()
    {
        // A salesperson registers a customer whose surname carries markup (the API takes any printable name).
        using var api = new HttpClient { BaseAddress = new Uri(_host.BaseUrl) };
        var token = await (await api.PostAsJsonAsync("/api/auth/token", new { email = "sales@demo.local", password = "Demo!2026" })).Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var email = $"markup.{Guid.NewGuid():N}"[..20] + "@example.com";
        var created = await api.PostAsJsonAsync("/api/customers", new Dictionary<string, object?>
        {
            ["firstName"] = "Mark", ["lastName"] = "Up" + Markup, ["email"] = email, ["preferredChannel"] = "email", ["emailConsent"] = true, ["language"] = "en",
        });
        Assert.That(created.IsSuccessStatusCode, Is.True, await created.Content.ReadAsStringAsync());
        var customerId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The customer writes to us with markup in the message.
        var customer = await _host.NewPageAsync(390, 844);
        var dialogs = 0;
        customer.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
        await customer.GotoAsync(await _host.TrackingLinkForAsync(email));
        await customer.GetByLabel("Your message (it reaches the person looking after you)").FillAsync("Hello " + Markup);
        await customer.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(customer.GetByText("has your message", new() { Exact = false }).First).ToBeVisibleAsync();
        Assert.That(await customer.EvaluateAsync<bool>("() => window.__xss === undefined"), Is.True, "nothing the customer typed ran on their page");

        var staff = await _host.SignInAsync("sales@demo.local");
        staff.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
        await staff.GotoAsync($"/customers/{customerId}");
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("<img src=x");
        Assert.That(await staff.EvaluateAsync<bool>("() => window.__xss === undefined"), Is.True, "the name did not run on the customer page");
        // Nobody owns this new customer yet, so the message waits in the team's inbox, which a manager sees.
        staff = await _host.SignInAsync("manager@demo.local");
        staff.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await staff.GotoAsync("/inbox");
        await Assertions.Expect(staff.GetByText("Hello <img src=x", new() { Exact = false }).First).ToBeVisibleAsync();
        Assert.That(await staff.EvaluateAsync<bool>("() => window.__xss === undefined"), Is.True, "the message did not run in the inbox");
        await staff.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "inbox-markup.png"), FullPage = true });
        Assert.That(dialogs, Is.Zero, "no alert from anything typed");
    }

    [Test]
    public async Task MarkupInAConcernAndAnInspectionNote_ShowsAsText_OnTheDeskTheWorkshopAndTheCustomersPage_AndNeverRuns()
    {
        var email = $"concern.{Guid.NewGuid():N}"[..20] + "@example.com";
        using var sales = await ApiAsync("sales@demo.local");
        var customer = await IdOfAsync(await sales.PostAsJsonAsync("/api/customers", new Dictionary<string, object?>
        {
            ["firstName"] = "Connie", ["lastName"] = "Cern", ["email"] = email, ["preferredChannel"] = "email", ["emailConsent"] = true, ["language"] = "en",
        }));
        var vehicle = await IdOfAsync(await sales.PostAsJsonAsync($"/api/customers/{customer}/vehicles", new { vin = "JH4KA7561PC008269", year = 2018, make = "Honda", model = "Civic", odometer = 70_000 }));

        // The advisor books the customer's own words (markup included), checks the car in; the technician inspects.
        using var advisor = await ApiAsync("service@demo.local");
        var visit = await IdOfAsync(await advisor.PostAsJsonAsync("/api/service/appointments", new
        {
            customerId = customer, vehicleId = vehicle, concern = "Squeal " + Markup, operationCodes = new[] { "DIAG" }, startsAt = NextWeekdayInPortland(10), separateVisit = true,
        }));
        var checkedIn = await advisor.PostAsJsonAsync($"/api/service/appointments/{visit}/check-in",
            new { mileage = 70_100, updatesContact = "Email me", promisedReadyAt = DateTime.UtcNow.AddHours(5), keys = 1 });
        Assert.That(checkedIn.IsSuccessStatusCode, Is.True, await checkedIn.Content.ReadAsStringAsync());
        using var tech = await ApiAsync("tech@demo.local");
        Assert.That((await tech.PostAsync($"/api/service/appointments/{visit}/start", null)).IsSuccessStatusCode, Is.True);
        var inspected = await tech.PostAsJsonAsync($"/api/service/appointments/{visit}/inspection", new
        {
            findings = new object[]
            {
                new { area = "Brakes", rating = "green", note = (string?)null },
                new { area = "Wipers", rating = "green", note = (string?)null },
                new { area = "Battery", rating = "soon", note = "Weak cell " + Markup },
                new { area = "Tires", rating = "green", note = (string?)null },
                new { area = "Lights", rating = "green", note = (string?)null },
            },
        });
        Assert.That(inspected.IsSuccessStatusCode, Is.True, await inspected.Content.ReadAsStringAsync());

        var dialogs = 0;
        foreach (var (who, path, literal) in new[]
        {
            ("service@demo.local", $"/service/visits/{visit}", "Squeal <img src=x"),
            ("tech@demo.local", $"/workshop/{visit}", "Squeal <img src=x"),
            ("tech@demo.local", $"/workshop/{visit}", "Weak cell <img src=x"),
        })
        {
            var page = await _host.SignInAsync(who);
            page.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
            await page.GotoAsync(path);
            await Assertions.Expect(page.GetByText(literal, new() { Exact = false }).First).ToBeVisibleAsync();
            Assert.That(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), Is.True, $"nothing typed ran on {path}");
        }

        var phone = await _host.NewPageAsync(390, 844);
        phone.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
        await phone.GotoAsync(await _host.TrackingLinkForAsync(email));
        // A finding with no work proposed is said openly ("worth keeping an eye on"), not only in the folded report.
        var finding = phone.GetByTestId("inspection-advice").GetByText("Weak cell <img src=x", new() { Exact = false });
        await Assertions.Expect(finding).ToBeVisibleAsync();
        Assert.That(await finding.Locator("img").CountAsync(), Is.Zero, "no element was made from the note");
        Assert.That(await phone.EvaluateAsync<bool>("() => window.__xss === undefined"), Is.True, "the note did not run on the customer's page");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "tracking-inspection-markup.png"), FullPage = true });
        Assert.That(dialogs, Is.Zero, "no alert from anything typed");
    }

    private async Task<HttpClient> ApiAsync(string email)
    {
        var api = new HttpClient { BaseAddress = new Uri(_host.BaseUrl) };
        var token = await (await api.PostAsJsonAsync("/api/auth/token", new { email, password = "Demo!2026" })).Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return api;
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage created)
    {
        Assert.That(created.IsSuccessStatusCode, Is.True, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A drop-off at this hour on a weekday at least two days ahead, in Portland (the demo site's time zone).</summary>
    private static DateTime NextWeekdayInPortland(int hour)
    {
        var portland = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var day = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, portland).Date.AddDays(2);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(day.AddHours(hour), portland);
    }
}
