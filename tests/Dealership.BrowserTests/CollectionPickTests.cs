using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dealership.BrowserTests;

/// <summary>Story 001, end to end: the car is ready, the customer picks the collection time from their link, the salesperson sees it.</summary>
public sealed partial class CollectionPickTests
{
    private BrowserHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await BrowserHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Customer_PicksTheCollectionSlot_FromTheirLink_AndTheSalespersonSeesItOnTheBoard()
    {
        // The demo's Sophia Nguyen: CX-5 prepared for delivery, two checklist items still open.
        var staff = await _host.SignInAsync("sales@demo.local");
        await Assertions.Expect(staff.GetByTestId("board")).ToContainTextAsync("Sophia Nguyen");
        await staff.GetByTestId("board").GetByRole(AriaRole.Link, new() { Name = "Sophia Nguyen" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("order-title")).ToContainTextAsync("Mazda CX-5");
        var ticks = staff.GetByTestId("checklist").GetByRole(AriaRole.Button, new() { Name = "Tick" });
        await Assertions.Expect(ticks).ToHaveCountAsync(2);
        await ticks.First.ClickAsync();
        await Assertions.Expect(ticks).ToHaveCountAsync(1);
        await ticks.First.ClickAsync();
        await Assertions.Expect(ticks).ToHaveCountAsync(0);

        await Assertions.Expect(staff.GetByText("The customer can pick a time from their link")).ToBeVisibleAsync();
        await staff.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "order-page.png"), FullPage = true });

        // The salesperson writes to her; the text carries her personal link.
        await staff.GetByRole(AriaRole.Link, new() { Name = "Sophia Nguyen" }).First.ClickAsync();
        await staff.GetByLabel("Message", new() { Exact = true }).FillAsync("Your CX-5 is ready! Pick the collection time that suits you best.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await _host.DispatchAsync();
        var text = Directory.GetFiles(_host.OutboxFolder, "*.sms.json").Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .Single(m => m.GetProperty("body").GetString()!.Contains("CX-5 is ready", StringComparison.Ordinal));
        var link = LinkIn().Match(text.GetProperty("body").GetString()!).Value;

        var phone = await _host.NewPageAsync(390, 844);
        await phone.GotoAsync(link);
        await Assertions.Expect(phone.GetByTestId("order-progress")).ToContainTextAsync("Ready for you");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "tracking-slots.png"), FullPage = true });
        var firstSlot = phone.GetByTestId("slot-picker").Locator("label.c-slot").First;
        var chosen = (await firstSlot.InnerTextAsync()).Trim();
        await firstSlot.ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Book this time" }).ClickAsync();
        await Assertions.Expect(phone.GetByTestId("collection-booked")).ToContainTextAsync(chosen);

        await staff.GotoAsync("/deliveries");
        var row = staff.GetByTestId("board").Locator("tr").Filter(new() { HasText = "Sophia Nguyen" });
        await Assertions.Expect(row).ToContainTextAsync("chosen by the customer");
        await Assertions.Expect(row).ToContainTextAsync("Collection scheduled");
        await staff.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "board-after-pick.png"), FullPage = true });
        await phone.Context.CloseAsync();
        await staff.Context.CloseAsync();
    }

    [GeneratedRegex(@"http://localhost:\d+/track/[A-Za-z0-9_\-]+")]
    private static partial Regex LinkIn();
}
