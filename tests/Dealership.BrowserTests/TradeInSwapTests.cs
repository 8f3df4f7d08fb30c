using Microsoft.Playwright;

namespace Dealership.BrowserTests;

/// <summary>
/// Story 000 in the browser: the used-car manager values a trade-in from the appraisal queue, the customer accepts
/// it on their phone, and at the handover the trade-in is credited in the same step the new car's keys change hands.
/// </summary>
public sealed class TradeInSwapTests
{
    private BrowserHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await BrowserHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task UsedCarManagerAppraises_CustomerAcceptsOnTheirPhone_ThenTheSwapHappensInOneStep()
    {
        // The used-car manager starts on the appraisal queue: the demo's oldest request (Olivia Bennett's CR-V) first, with its age.
        var appraiser = await _host.SignInAsync("usedcars@demo.local");
        await Assertions.Expect(appraiser.GetByRole(AriaRole.Heading, new() { Name = "Trade-ins" })).ToBeVisibleAsync();
        var first = appraiser.GetByTestId("trade-ins").Locator("tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync("Olivia Bennett");
        await Assertions.Expect(first.GetByTestId("age")).ToHaveTextAsync("2 days");
        await appraiser.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "trade-in-queue.png"), FullPage = true });

        await first.GetByRole(AriaRole.Link, new() { Name = "2018 Honda CR-V EX" }).ClickAsync();
        await appraiser.GetByLabel("Market value").FillAsync("16500");
        await appraiser.GetByLabel("Source").FillAsync("Regional auction, three comparable listings");
        await appraiser.GetByLabel("Item 1", new() { Exact = true }).FillAsync("Two front tires");
        await appraiser.GetByLabel("Cost of item 1", new() { Exact = true }).FillAsync("380");
        await appraiser.GetByLabel("Target margin").FillAsync("1200");
        await Assertions.Expect(appraiser.GetByTestId("live-suggestion")).ToHaveTextAsync("= 14,920.00");

        // A different figure without a reason is refused, and nothing typed is lost.
        await appraiser.GetByLabel("Final offer").FillAsync("15500");
        await appraiser.GetByRole(AriaRole.Button, new() { Name = "Make the offer and tell the customer" }).ClickAsync();
        await Assertions.Expect(appraiser.GetByRole(AriaRole.Alert).Filter(new() { HasText = "say why" })).ToBeVisibleAsync();
        await Assertions.Expect(appraiser.GetByLabel("Market value")).ToHaveValueAsync("16500");
        await Assertions.Expect(appraiser.GetByLabel("Cost of item 1", new() { Exact = true })).ToHaveValueAsync("380");
        await Assertions.Expect(appraiser.GetByLabel("Final offer")).ToHaveValueAsync("15500");
        await appraiser.GetByLabel("Final offer").FillAsync("");
        await appraiser.GetByRole(AriaRole.Button, new() { Name = "Make the offer and tell the customer" }).ClickAsync();
        await Assertions.Expect(appraiser.GetByRole(AriaRole.Status)).ToContainTextAsync("Offer made");
        await Assertions.Expect(appraiser.GetByTestId("suggested")).ToHaveTextAsync("$14,920.00");
        await Assertions.Expect(appraiser.GetByTestId("trade-in-status")).ToHaveTextAsync("Offer made");
        await appraiser.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "trade-in-appraised.png"), FullPage = true });

        // Olivia opens her page on her phone: the offer, how it was worked out, and the choice.
        var phone = await _host.NewPageAsync(390, 844);
        await phone.GotoAsync(await _host.TrackingLinkForAsync("olivia.bennett@example.com"));
        var offer = phone.GetByTestId("trade-in");
        await Assertions.Expect(offer.GetByTestId("offer-amount")).ToHaveTextAsync("$14,920.00");
        await Assertions.Expect(offer.GetByTestId("offer-working")).ToContainTextAsync("Two front tires");
        await Assertions.Expect(offer).ToContainTextAsync("You keep your car, keys and title until you collect your new one");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "trade-in-offer-phone.png"), FullPage = true });
        await offer.GetByTestId("accept-offer").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("offer-accepted")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByTestId("accept-offer")).ToHaveCountAsync(0);
        await appraiser.ReloadAsync();
        await Assertions.Expect(appraiser.GetByTestId("trade-in-status")).ToHaveTextAsync("Offer accepted");
        await Assertions.Expect(appraiser.GetByTestId("offer")).ToContainTextAsync("seen by the customer");

        // The handover: Mia Coleman's Camry, her Highlander accepted earlier, loan with Summit Credit Union.
        var manager = await _host.SignInAsync("manager@demo.local");
        await manager.GotoAsync("/deliveries");
        await manager.GetByTestId("board").GetByRole(AriaRole.Link, new() { Name = "Mia Coleman" }).ClickAsync();
        var balance = manager.GetByTestId("balance");
        await Assertions.Expect(balance).ToContainTextAsync("Trade-in allowance: 2019 Toyota Highlander XLE");
        await Assertions.Expect(balance).ToContainTextAsync("Payoff of the loan with Summit Credit Union");
        var due = (await manager.GetByTestId("balance-due").InnerTextAsync()).Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        await manager.GetByText("Record a payment").ClickAsync();
        await manager.GetByLabel("Method").SelectOptionAsync("LenderFunding");
        await manager.GetByLabel("Amount", new() { Exact = true }).FillAsync(due);
        await manager.GetByLabel("Reference").FillAsync("LOAN-77120");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Record payment" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("balance-due")).ToHaveTextAsync("$0.00");

        var handover = manager.GetByTestId("handover");
        await handover.GetByLabel("Trade-in odometer now").FillAsync("47950");
        await handover.GetByLabel("Trade-in keys received").FillAsync("2");
        await handover.GetByLabel("New car keys handed over").FillAsync("2");
        // Condition not confirmed: refused, and nothing changed.
        await handover.GetByRole(AriaRole.Button, new() { Name = "Swap and hand over the keys: deliver" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Alert)).ToContainTextAsync("Confirm at handover that the car's condition is as declared");
        await manager.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "trade-in-handover-refused.png"), FullPage = true });
        await Assertions.Expect(manager.GetByTestId("handover").GetByLabel("Trade-in odometer now")).ToHaveValueAsync("47950", new() { Timeout = 5000 });
        await Assertions.Expect(manager.GetByTestId("handover").GetByLabel("New car keys handed over")).ToHaveValueAsync("2");
        await manager.GetByTestId("handover").GetByLabel("Condition is as declared").CheckAsync();
        await manager.GetByTestId("handover").GetByRole(AriaRole.Button, new() { Name = "Swap and hand over the keys: deliver" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("Delivered and swapped");
        await Assertions.Expect(manager.GetByTestId("order-status")).ToHaveTextAsync("Delivered");

        await manager.GetByTestId("order-trade-in").GetByRole(AriaRole.Link, new() { Name = "2019 Toyota Highlander XLE" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("payout-lag")).ToHaveTextAsync("0 days");
        await Assertions.Expect(manager.GetByTestId("payoff")).ToContainTextAsync("due by");
        await manager.GotoAsync("/custody");
        await Assertions.Expect(manager.GetByTestId("custody")).ToContainTextAsync("2019 Toyota Highlander XLE");

        // Mia's page: what she handed over, credited at that moment, and when her old loan is paid.
        var miaPhone = await _host.NewPageAsync(390, 844);
        await miaPhone.GotoAsync(await _host.TrackingLinkForAsync("mia.coleman@example.com"));
        await Assertions.Expect(miaPhone.GetByTestId("trade-in-credited")).ToContainTextAsync("credited in that same moment");
        await Assertions.Expect(miaPhone.GetByTestId("payoff-status")).ToContainTextAsync("we pay it off by");
        await Assertions.Expect(miaPhone.GetByTestId("custody-receipts")).ToContainTextAsync("2 keys");
        await miaPhone.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "trade-in-receipt-phone.png"), FullPage = true });
        foreach (var page in new[] { appraiser, phone, manager, miaPhone })
        {
            await page.Context.CloseAsync();
        }
    }
}
