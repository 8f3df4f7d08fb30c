using Microsoft.Playwright;

namespace Dealership.BrowserTests;

/// <summary>A salesperson runs a factory order from order to delivery in the browser.</summary>
public sealed class FactoryOrderTests
{
    private BrowserHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await BrowserHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Salesperson_RunsAnOrderFromOrderToDelivery()
    {
        var page = await _host.SignInAsync("sales@demo.local");
        await page.GetByRole(AriaRole.Link, new() { Name = "Customers", Exact = true }).ClickAsync();
        await page.GetByLabel("Search customers").FillAsync("Brooks");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Link, new() { Name = "Brooks, Elijah" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "+ New order" }).ClickAsync();

        await page.GetByLabel("Make").FillAsync("Volvo");
        await page.GetByLabel("Model", new() { Exact = true }).FillAsync("XC60");
        await page.GetByLabel("Trim").FillAsync("Plus");
        await page.GetByLabel("Price", new() { Exact = true }).FillAsync("52,300.00");
        await page.GetByLabel("Documentation fee").FillAsync("85");
        await page.GetByLabel("Registration and title").FillAsync("865");
        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("order-title")).ToContainTextAsync("Volvo XC60 Plus");
        await Assertions.Expect(page.GetByTestId("balance-due")).ToHaveTextAsync("$53,250.00");
        await Assertions.Expect(page.GetByTestId("balance")).ToContainTextAsync("Registration and title");

        foreach (var step in new[] { "Factory confirmed", "Built", "In transit", "Arrived at the dealership", "Prepared for delivery" })
        {
            if (step == "Arrived at the dealership")
            {
                // "It arrived two days ago" cannot be true when it was in transit minutes ago: said, and nothing recorded.
                await page.GetByText("It happened earlier?").ClickAsync();
                var twoDaysAgo = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddDays(-2), TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));
                await page.GetByLabel("When it really happened (site time)").FillAsync(twoDaysAgo.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
                await page.GetByRole(AriaRole.Button, new() { Name = $"Record: {step}" }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("cannot have happened before in transit");
                var typed = page.GetByLabel("When it really happened (site time)");
                await Assertions.Expect(typed).ToHaveValueAsync(twoDaysAgo.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
                await typed.FillAsync("");
            }

            await page.GetByRole(AriaRole.Button, new() { Name = $"Record: {step}" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{step} recorded");
        }

        var ticks = page.GetByTestId("checklist").GetByRole(AriaRole.Button, new() { Name = "Tick" });
        for (var open = 4; open > 0; open--)
        {
            await Assertions.Expect(ticks).ToHaveCountAsync(open);
            await ticks.First.ClickAsync();
        }

        await Assertions.Expect(ticks).ToHaveCountAsync(0);
        await page.GetByLabel("How the customer told you").SelectOptionAsync("Phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record customer's choice" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("collection-at")).ToContainTextAsync("the customer's choice, told to Sam Carter by phone");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Hand over the keys: deliver" })).ToBeDisabledAsync();

        await page.GetByText("Record a payment").ClickAsync();
        await page.GetByLabel("Method").SelectOptionAsync("LenderFunding");
        await page.GetByLabel("Amount", new() { Exact = true }).FillAsync("53250");
        await page.GetByLabel("Reference").FillAsync("LOAN-20931");
        // A double submit of the same form (double click, flaky network) must not record the payment twice.
        var redirected = await page.EvaluateAsync<bool[]>(@"async () => {
            const form = [...document.querySelectorAll('form')].find(f => f.action.includes('handler=Payment'));
            const data = new FormData(form);
            const first = await fetch(form.action, { method: 'POST', body: data });
            const second = await fetch(form.action, { method: 'POST', body: data });
            return [first.redirected, second.redirected];
        }");
        Assert.That(redirected, Is.EqualTo(new[] { true, true }), "the second submit is answered with the first one's redirect");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("balance-due")).ToHaveTextAsync("$0.00");
        await Assertions.Expect(page.GetByTestId("payments").Filter(new() { HasText = "LOAN-20931" }).Locator("tbody tr")).ToHaveCountAsync(1);

        await page.GetByLabel("New car keys handed over").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hand over the keys: deliver" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Delivered");
        await Assertions.Expect(page.GetByTestId("order-status")).ToHaveTextAsync("Delivered");
        await Assertions.Expect(page.GetByText("Record a payment")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Cancel this order")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "order-delivered.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Elijah Brooks" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Delivered: keys");
        await page.Context.CloseAsync();
    }
}
