using Microsoft.Playwright;

namespace Dealership.BrowserTests;

/// <summary>
/// A manager runs the group from the product after the first run: changes a site's hours and contact, adds a
/// person, gives them a temporary password; the person signs in and must choose their own before anything else.
/// </summary>
public sealed class ManageTests
{
    private BrowserHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await BrowserHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task AManager_SetsASitesHoursAndContact_AddsAPerson_AndAResetForcesThemToChooseTheirOwnPassword()
    {
        var page = await _host.SignInAsync("manager@demo.local");
        // Land first (managers start on the dashboard), so no sign-in navigation is still in flight.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("How customers are doing");
        await page.GotoAsync("/manage/sites");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sites", Exact = true })).ToBeVisibleAsync();
        var form = page.GetByTestId("site-settings");
        await form.GetByLabel("Open on Saturday").UncheckAsync();
        await form.GetByLabel("Public phone").FillAsync("503-555-0199");
        await form.GetByLabel("Hours one advisor looks after a day").FillAsync("7.5");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "manage-sites.png"), FullPage = true });
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, r) => seen.Enqueue($"{r.Method} {r.Url}");
        page.Response += (_, r) => seen.Enqueue($"  {r.Status} {r.Url}");
        var saved = page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/manage/sites\?id="));
        await form.GetByRole(AriaRole.Button, new() { Name = "Save PDX" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        try
        {
            await saved;
        }
        catch (TimeoutException)
        {
            Assert.Fail(string.Join("\n", seen));
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "manage-sites-saved.png"), FullPage = true });
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await Assertions.Expect(form.GetByLabel("Open on Saturday")).Not.ToBeCheckedAsync();
        await Assertions.Expect(form.GetByLabel("Public phone")).ToHaveValueAsync("503-555-0199");
        await Assertions.Expect(form.GetByLabel("Hours one advisor looks after a day")).ToHaveValueAsync("7.5");

        // The same page sets the deal rules and the ways of paying.
        var rules = page.GetByTestId("deal-rules");
        await rules.GetByLabel("Sales tax (%)").FillAsync("7.25");
        await rules.GetByRole(AriaRole.Button, new() { Name = "Save deal rules" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Deal rules saved");
        await Assertions.Expect(page.GetByTestId("deal-rules").GetByLabel("Sales tax (%)")).ToHaveValueAsync("7.25");
        var paying = page.GetByTestId("payment-terms");
        await paying.GetByLabel("Personal check").UncheckAsync();
        await paying.GetByRole(AriaRole.Button, new() { Name = "Save ways of paying" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Payment terms saved");
        await Assertions.Expect(page.GetByTestId("payment-terms").GetByLabel("Personal check")).Not.ToBeCheckedAsync();
        form = page.GetByTestId("site-settings");

        // A refusal keeps what was typed and says what to fix.
        await form.GetByLabel("Time zone").FillAsync("Portland time");
        await form.GetByLabel("Address").FillAsync("1 Typed Street");
        await form.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Save ") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("IANA time zone");
        await Assertions.Expect(page.GetByTestId("site-settings").GetByLabel("Address")).ToHaveValueAsync("1 Typed Street");

        await page.GotoAsync("/manage/staff");
        await page.GetByText("Add a person").ClickAsync();
        var add = page.GetByTestId("add-staff");
        await add.GetByLabel("Name").FillAsync("Jordan Newhire");
        await add.GetByLabel("Work email").FillAsync("jordan.newhire@demo.local");
        await add.GetByLabel("First password").FillAsync("First-Pass-2026");
        await add.GetByLabel("Salesperson").CheckAsync();
        await add.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jordan Newhire" })).ToBeVisibleAsync();

        await page.GetByTestId("reset-password").GetByLabel("Temporary password").FillAsync("Temp-Pass-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set temporary password" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Must choose a new password at sign-in")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "manage-staff-member.png"), FullPage = true });

        var person = await _host.SignInAsync("jordan.newhire@demo.local", "Temp-Pass-2026");
        await Assertions.Expect(person).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/password$"));
        await person.GotoAsync("/deliveries");
        await Assertions.Expect(person).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/password$"), new() { Timeout = 5000 });
        await person.GetByLabel("Temporary password").FillAsync("Temp-Pass-2026");
        await person.GetByLabel("New password", new() { Exact = true }).FillAsync("Jordans-Own-2026");
        await person.GetByLabel("New password again").FillAsync("Jordans-Own-2026");
        await person.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "choose-password.png"), FullPage = true });
        await person.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Status)).ToContainTextAsync("Password changed");
        await person.GotoAsync("/deliveries");
        await Assertions.Expect(person.GetByRole(AriaRole.Heading, new() { Name = "Deliveries" })).ToBeVisibleAsync();
    }
}
