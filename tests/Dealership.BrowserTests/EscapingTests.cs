using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Dealership.BrowserTests;

/// <summary>
/// Whatever a customer or a colleague types is shown as text, never run: a name and a message written on the
/// tracking page that carry markup appear literally on the staff customer page, the inbox and the customer's
/// own page, and no script of theirs runs (no dialog, no global set). CSP would stop an inline script anyway;
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
}
