using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dealership.BrowserTests;

/// <summary>Staff sign in, find a customer and open them, in a real headless Chromium.</summary>
public sealed partial class StaffUiTests
{
    private BrowserHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await BrowserHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [TestCase("manager@demo.local", "Manager")]
    [TestCase("sales@demo.local", "Salesperson")]
    [TestCase("service@demo.local", "Service advisor")]
    [TestCase("usedcars@demo.local", "Used-car manager")]
    [TestCase("parts@demo.local", "Parts clerk")]
    public async Task EachDemoRole_SignsIn_FindsACustomer_AndOpensThem(string email, string roleLabel)
    {
        var page = await _host.SignInAsync(email);
        if (email.StartsWith("sales", StringComparison.Ordinal))
        {
            // Salespeople start on their deliveries board.
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deliveries" })).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "deliveries-board.png"), FullPage = true });
            await page.GetByRole(AriaRole.Link, new() { Name = "Customers", Exact = true }).ClickAsync();
        }
        else if (email.StartsWith("usedcars", StringComparison.Ordinal))
        {
            // Used-car managers start on the appraisal queue.
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trade-ins" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Customers", Exact = true }).ClickAsync();
        }
        else if (email.StartsWith("manager", StringComparison.Ordinal))
        {
            // Managers start on the dashboard of how customers are doing.
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("How customers are doing");
            await page.GetByRole(AriaRole.Link, new() { Name = "Customers", Exact = true }).ClickAsync();
        }
        else if (email.StartsWith("service", StringComparison.Ordinal) || email.StartsWith("parts", StringComparison.Ordinal))
        {
            // Advisors start in the service lane, parts clerks on the parts page.
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(email.StartsWith("service", StringComparison.Ordinal) ? "Service lane" : "Parts");
            await page.GetByRole(AriaRole.Link, new() { Name = "Customers", Exact = true }).ClickAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customers" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".user-role")).ToHaveTextAsync(roleLabel);

        await page.GetByLabel("Search customers").FillAsync("Bennett");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var results = page.GetByTestId("customer-results");
        await Assertions.Expect(results.GetByRole(AriaRole.Row)).ToHaveCountAsync(2); // header + Olivia Bennett
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, $"search-{roleLabel.Replace(' ', '-').ToLowerInvariant()}.png"), FullPage = true });

        await results.GetByRole(AriaRole.Link, new() { Name = "Bennett, Olivia" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("customer-name")).ToHaveTextAsync("Olivia Bennett");
        await Assertions.Expect(page.GetByTestId("vehicles")).ToContainTextAsync("Honda Accord");
        await Assertions.Expect(page.GetByText("(503) 555-0100")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, $"customer-{roleLabel.Replace(' ', '-').ToLowerInvariant()}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Salesperson_TapsACountOnTheBoard_AndSeesOnlyThoseOrders_ThenAllAgain()
    {
        var page = await _host.SignInAsync("sales@demo.local");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deliveries" })).ToBeVisibleAsync();
        var filters = page.GetByTestId("board-filters");
        await Assertions.Expect(filters.GetByRole(AriaRole.Link)).ToHaveCountAsync(5);

        // The first kind the demo has orders of: its count, then only its rows, while every count stays as it was.
        var kinds = new[] { ("onTrack", "On track"), ("late", "Late"), ("silent", "Customer not updated"), ("arrivedNotScheduled", "Arrived, not scheduled") };
        async Task<int> CountOfAsync(string kind) =>
            int.Parse(await page.GetByTestId($"count-{kind}").Locator(".stat-value").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var (value, label, count) = ("", "", 0);
        foreach (var (kind, name) in kinds)
        {
            if (await CountOfAsync(kind) is > 0 and var n)
            {
                (value, label, count) = (kind, name, n);
                break;
            }
        }

        Assert.That(count, Is.GreaterThan(0), "the demo has open orders");
        var countsBefore = await filters.Locator(".stat-value").AllInnerTextsAsync();
        await page.GetByTestId($"count-{value}").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"attention={value}"));
        await Assertions.Expect(page.GetByTestId($"count-{value}")).ToHaveAttributeAsync("aria-current", "true");
        Assert.That(await filters.Locator(".stat-value").AllInnerTextsAsync(), Is.EqualTo(countsBefore), "the counts cover every order still");
        var badges = page.GetByTestId("board").Locator("tbody .badge");
        await Assertions.Expect(badges).ToHaveCountAsync(Math.Min(count, 50));
        foreach (var badge in await badges.AllInnerTextsAsync())
        {
            Assert.That(badge, Is.EqualTo(label));
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "deliveries-board-one-kind.png"), FullPage = true });

        await Assertions.Expect(page.GetByTestId("board-showing")).ToContainTextAsync($"Showing only “{label}”");

        // The shown count again, or the line above the rows: every order back.
        await page.GetByTestId($"count-{value}").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("attention="));
        await Assertions.Expect(page.GetByTestId($"count-{value}")).Not.ToHaveAttributeAsync("aria-current", "true");
        await page.GetByTestId($"count-{value}").ClickAsync();
        await page.GetByTestId("board-showing").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("attention="));
        await Assertions.Expect(page.GetByTestId("board").Locator("tbody tr")).ToHaveCountAsync(Math.Min(
            await CountOfAsync("late") + await CountOfAsync("scheduledToday") + await CountOfAsync("silent") + await CountOfAsync("arrivedNotScheduled") + await CountOfAsync("onTrack"), 50));

        // Narrowed to one's own orders, a count keeps that narrowing.
        await page.GotoAsync("/deliveries?owner=me");
        await page.GetByTestId($"count-{value}").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"owner=me.*attention={value}"));
        await Assertions.Expect(page.Locator("#owner")).ToHaveValueAsync("me");

        // On a phone the counts wrap, each still a thumb-sized link.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/deliveries?attention={value}");
        var box = await page.GetByTestId($"count-{value}").BoundingBoxAsync();
        Assert.That(box!.Height, Is.GreaterThanOrEqualTo(44));
        Assert.That(box.X + box.Width, Is.LessThanOrEqualTo(390), "no count runs off the screen");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "deliveries-board-phone.png"), FullPage = true });
    }

    [Test]
    public async Task WrongPassword_ShowsAClearMessage_AndStaysOnTheSignInPage()
    {
        var page = await _host.SignInAsync("sales@demo.local", "not-my-password");
        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("email and password do not match");
        await Assertions.Expect(page).ToHaveURLAsync(LoginUrl());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "login-error.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task PartsClerk_DoesNotGetTheNewCustomerButton()
    {
        var page = await _host.SignInAsync("parts@demo.local");
        await page.GetByRole(AriaRole.Link, new() { Name = "Customers", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customers" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "+ New customer" })).ToHaveCountAsync(0);
        await page.GotoAsync("/customers/new");
        await Assertions.Expect(page.GetByText("not available for your role")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Salesperson_RegistersACustomer_AndIsWarnedAboutASharedPhone()
    {
        var page = await _host.SignInAsync("sales@demo.local");
        await page.GetByRole(AriaRole.Link, new() { Name = "Customers", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "+ New customer" }).ClickAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "new-customer.png"), FullPage = true });

        await page.GetByLabel("First name").FillAsync("Marisol");
        await page.GetByLabel("Last name").FillAsync("Bennett");
        await page.GetByLabel("Mobile number").FillAsync("(503) 555-0100"); // Olivia Bennett's number
        await page.GetByLabel("The customer agrees to receive text messages").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save customer" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("shared-contact")).ToContainTextAsync("Olivia Bennett");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "new-customer-shared.png"), FullPage = true });
        await page.GetByTestId("allow-shared").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save customer" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("customer-name")).ToHaveTextAsync("Marisol Bennett");
        await Assertions.Expect(page.GetByText("Confirmed different person")).ToBeVisibleAsync();

        await page.GetByText("+ Add a vehicle").ClickAsync();
        await page.GetByLabel("VIN").FillAsync("1HGCM82653A004352");
        await page.GetByLabel("Model year").FillAsync("2003");
        await page.GetByLabel("Make").FillAsync("Honda");
        await page.GetByLabel("Model", new() { Exact = true }).FillAsync("Accord");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add vehicle" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("check digit");

        await page.GetByLabel("VIN").FillAsync("1HGCM82633A004352");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add vehicle" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("vehicles")).ToContainTextAsync("1HGCM82633A004352");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "customer-with-vehicle.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Manager_SeesTheStaffList_AndSwitchesSite()
    {
        var page = await _host.SignInAsync("manager@demo.local");
        // The manager's whole navigation sits on one row on a 1366-pixel laptop.
        await page.SetViewportSizeAsync(1366, 768);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "manager-nav-1366.png") });
        var tops = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.brand, .mainnav > a, .mainnav > details, .topbar-right')].map(e => e.getBoundingClientRect().top)");
        Assert.That(tops.Max() - tops.Min(), Is.LessThan(12), "navigation wraps to a second row at 1366 px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "manager-nav-1366.png") });

        // Keyboard users see where they are on the dark bar.
        await page.GetByRole(AriaRole.Link, new() { Name = "Customers" }).FocusAsync();
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.That(outline, Is.EqualTo("solid"), "focus is visible on the navigation bar");

        await page.GetByText("Manage", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Staff" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("staff")).ToContainTextAsync("Sam Carter");
        var portlandRows = await page.GetByTestId("staff").Locator("tbody tr").CountAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "staff.png"), FullPage = true });

        // Arrowing through the sites does not switch: only the Switch button does.
        await page.GetByLabel("Current site").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.WaitForTimeoutAsync(300);
        await Assertions.Expect(page.GetByTestId("staff").Locator("tbody tr")).ToHaveCountAsync(portlandRows);
        await page.GetByLabel("Current site").SelectOptionAsync(new SelectOptionValue { Label = "Harbor Motors Boise" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Current site").Locator("option:checked")).ToHaveTextAsync("Harbor Motors Boise");
        // Only the manager and the salesperson work at Boise.
        await Assertions.Expect(page.GetByTestId("staff").Locator("tbody tr")).ToHaveCountAsync(2);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(LoginUrl());
        await page.GotoAsync("/manage/staff");
        await Assertions.Expect(page).ToHaveURLAsync(LoginUrl());
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task TheApiReference_WorksWithNoInternet()
    {
        var page = await _host.NewPageAsync();
        var outside = new List<string>();
        await page.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).Host is "localhost" or "127.0.0.1")
            {
                await route.ContinueAsync();
                return;
            }

            outside.Add(route.Request.Url);
            await route.AbortAsync();
        });

        await page.GotoAsync("/scalar/");
        await Assertions.Expect(page.GetByText("Exchange a staff email and password for a bearer token").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "api-reference-offline.png") });
        Assert.That(outside, Is.Empty, "the reference asks nothing of the internet");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task CustomerPage_OnAPhone_StaysReadable()
    {
        var page = await _host.SignInAsync("service@demo.local");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/");
        await page.GetByLabel("Search customers").FillAsync("Ortiz");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ortiz, Liam" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("customer-name")).ToHaveTextAsync("Liam Ortiz");
        var overflows = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.That(overflows, Is.False, "the page must not scroll sideways on a phone");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "customer-phone.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task UnknownCustomer_ShowsAFriendlyNotFoundPage()
    {
        var page = await _host.SignInAsync("sales@demo.local");
        var response = await page.GotoAsync($"/customers/{Guid.NewGuid()}");
        Assert.That(response!.Status, Is.EqualTo(404));
        await Assertions.Expect(page.GetByText("We could not find that page.")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task TwoAdvisorsEditingPreferences_TheSecondIsToldInsteadOfOverwriting()
    {
        var first = await _host.SignInAsync("service@demo.local");
        var second = await _host.SignInAsync("manager@demo.local");
        foreach (var page in new[] { first, second })
        {
            await page.GotoAsync("/");
            await page.GetByLabel("Search customers").FillAsync("Patel");
            await page.Keyboard.PressAsync("Enter");
            await page.GetByRole(AriaRole.Link, new() { Name = "Patel, Noah" }).ClickAsync();
            await page.GetByText("Edit contact preferences").ClickAsync();
        }

        await first.GetByLabel("Language").SelectOptionAsync("es");
        await first.GetByLabel("How the customer told us").FillAsync("phone call");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Status)).ToContainTextAsync("Contact preferences saved");
        await Assertions.Expect(first.GetByText("Spanish")).ToBeVisibleAsync();

        await second.GetByLabel("Preferred channel").SelectOptionAsync("Email");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone else changed");
        await Assertions.Expect(second.GetByText("Spanish")).ToBeVisibleAsync();
        await Assertions.Expect(second.GetByText("Prefers text messages")).ToBeVisibleAsync();
        await second.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "preferences-conflict.png"), FullPage = true });
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    [Test]
    public async Task AdvisorCorrectsAMobileNumber_AndIsToldWhenItBelongsToSomeoneElse()
    {
        var page = await _host.SignInAsync("service@demo.local");
        await page.GotoAsync("/");
        await page.GetByLabel("Search customers").FillAsync("Sullivan");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sullivan, Emma" }).ClickAsync();
        await page.GetByText("Edit name, email or mobile").ClickAsync();

        await page.GetByLabel("Mobile", new() { Exact = true }).FillAsync("(503) 555-0100"); // Olivia Bennett's
        await page.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("edit-details").GetByRole(AriaRole.Alert)).ToContainTextAsync("Olivia Bennett");

        await page.GetByLabel("Mobile", new() { Exact = true }).FillAsync("(503) 555-0199");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Contact details saved");
        await Assertions.Expect(page.GetByText("(503) 555-0199").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task ADoubleSubmittedMessage_ReachesTheCustomerOnce()
    {
        // James Whitaker prefers texts and has no quiet hours, so the real clock cannot defer the message.
        var page = await _host.SignInAsync("manager@demo.local");
        await page.GotoAsync("/");
        await page.GetByLabel("Search customers").FillAsync("Whitaker");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Link, new() { Name = "Whitaker, James" }).ClickAsync();
        await page.GetByLabel("Message", new() { Exact = true }).FillAsync("Your Equinox passed its pre-delivery inspection today.");

        var redirected = await page.EvaluateAsync<bool[]>(@"async () => {
            const form = [...document.querySelectorAll('form')].find(f => f.action.includes('handler=Message'));
            const data = new FormData(form);
            const first = await fetch(form.action, { method: 'POST', body: data });
            const second = await fetch(form.action, { method: 'POST', body: data });
            return [first.redirected, second.redirected];
        }");
        await _host.DispatchAsync();

        Assert.That(redirected, Is.EqualTo(new[] { true, true }));
        var sent = Directory.GetFiles(_host.OutboxFolder, "*.sms.json").Count(f => File.ReadAllText(f).Contains("passed its pre-delivery inspection today", StringComparison.Ordinal));
        Assert.That(sent, Is.EqualTo(1));
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("/login")]
    private static partial Regex LoginUrl();
}
