using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dealership.BrowserTests;

/// <summary>A customer opens the link from a text in the local outbox, sees their messages and stops texts; the next message comes by email.</summary>
public sealed partial class TrackingPageTests
{
    private BrowserHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await BrowserHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    private async Task SendFromCustomerPageAsync(IPage staff, string text)
    {
        await staff.GetByLabel("Message", new() { Exact = true }).FillAsync(text);
        // The box counts as the person types, against the limit that keeps the text to two segments.
        await Assertions.Expect(staff.GetByTestId("char-count")).ToHaveTextAsync($"{text.Length} of {Dealership.Application.Notifications.SendCustomerMessage.MaxLength} characters");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Message queued");
        await _host.DispatchAsync();
    }

    private string[] OutboxFiles(string pattern) => Directory.Exists(_host.OutboxFolder) ? Directory.GetFiles(_host.OutboxFolder, pattern) : [];

    [Test]
    public async Task Customer_OpensTheirLink_SeesTheirMessages_StopsTexts_AndTheNextMessageComesByEmail()
    {
        var staff = await _host.SignInAsync("sales@demo.local");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Customers", Exact = true }).ClickAsync();
        // Noah Patel prefers texts, allows email and has no quiet hours (so the real clock cannot defer the text).
        await staff.GetByLabel("Search customers").FillAsync("Patel");
        await staff.Keyboard.PressAsync("Enter");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Patel, Noah" }).ClickAsync();
        await SendFromCustomerPageAsync(staff, "Your new car has arrived! Pick a collection time that suits you.");

        var text = OutboxFiles("*.sms.json")
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .Single(m => m.GetProperty("to").GetString() == "+15035550103" && m.GetProperty("body").GetString()!.Contains("has arrived", StringComparison.Ordinal));
        var link = LinkIn().Match(text.GetProperty("body").GetString()!).Value;
        Assert.That(link, Does.StartWith(_host.BaseUrl + "/track/"));

        var phone = await _host.NewPageAsync(390, 844);
        await phone.GotoAsync(link);
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Hi Noah" })).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByTestId("messages")).ToContainTextAsync("has arrived");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "tracking-page.png"), FullPage = true });

        await phone.GetByLabel("You may text me").UncheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await Assertions.Expect(phone.GetByLabel("Email", new() { Exact = true })).ToBeCheckedAsync();

        var textsBefore = OutboxFiles("*.sms.json").Length;
        await staff.ReloadAsync();
        await Assertions.Expect(staff.GetByTestId("timeline")).ToContainTextAsync("texts stopped");
        await SendFromCustomerPageAsync(staff, "Thursday at 4 pm is free for your collection.");

        Assert.That(OutboxFiles("*.sms.json"), Has.Length.EqualTo(textsBefore), "no more texts");
        var emails = OutboxFiles("*.eml").Select(f => File.ReadAllText(f)).Where(e => e.Contains("Thursday at 4", StringComparison.Ordinal)).ToList();
        Assert.That(emails, Has.Count.EqualTo(1));
        Assert.That(emails[0], Does.Contain("noah.patel@example.com"));
        await staff.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "customer-timeline.png"), FullPage = true });
        await phone.Context.CloseAsync();
        await staff.Context.CloseAsync();
    }

    [Test]
    public async Task AWrongToken_SeesNotFound()
    {
        var page = await _host.NewPageAsync(390, 844);
        var response = await page.GotoAsync("/track/not-a-real-token-000000000000000");
        Assert.That(response!.Status, Is.EqualTo(404));
        await Assertions.Expect(page.GetByTestId("link-invalid")).ToContainTextAsync("This link is not valid");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task StaffSeeMessagesAsTheCustomerDoes_WithTheLinkMasked_AndManagersPreviewTemplates()
    {
        var staff = await _host.SignInAsync("manager@demo.local");
        await staff.GotoAsync("/templates");
        await Assertions.Expect(staff.GetByTestId("template").First).ToContainTextAsync("staff.message");
        await staff.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "templates.png"), FullPage = false });

        // The manager changes the Spanish text for "parts are in": a typo is refused with its line; the preview
        // counts the cost; saving makes it this site's version; going back restores the product's words.
        await staff.GetByRole(AriaRole.Link, new() { Name = "Edit the Spanish text for Parts arrived for the visit" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("segments")).ToContainTextAsync("segment");
        var body = staff.GetByLabel("Message", new() { Exact = true });
        await body.FillAsync("{{ firstName }}, ¡sus piezas llegaron!\nLe esperamos el {{ cuando }}. {{ link }}");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("template-problems")).ToContainTextAsync("Line 2: 'cuando' is not a fact of this message");
        await Assertions.Expect(staff.GetByLabel("Message", new() { Exact = true })).ToHaveValueAsync(new Regex("cuando"));
        await staff.GetByLabel("Message", new() { Exact = true }).FillAsync("{{ firstName }}, ¡sus piezas ya están aquí! Le esperamos el {{ when }}. {{ link }}");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("template-preview")).ToContainTextAsync("Olivia, ¡sus piezas ya están aquí! Le esperamos el");
        await Assertions.Expect(staff.GetByTestId("segments")).ToContainTextAsync("accents");
        await staff.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "template-editor.png"), FullPage = true });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save as version 1" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await Assertions.Expect(staff.GetByTestId("template-history")).ToContainTextAsync("1 (in use)");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Go back to the product's default" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Back to the product's default");
        await Assertions.Expect(staff.GetByLabel("Message", new() { Exact = true })).ToHaveValueAsync(new Regex("ya tenemos las piezas"));

        await staff.GotoAsync("/outbox");
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Messages" })).ToBeVisibleAsync();
        var content = await staff.ContentAsync();
        Assert.That(LinkIn().Matches(content).Select(m => m.Value), Is.All.EndsWith("******").Or.Empty);
        await staff.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "outbox.png"), FullPage = false });
        await staff.Context.CloseAsync();
    }

    [Test]
    public async Task ServiceAdvisor_AnswersACustomersReplyFromTheInbox()
    {
        // The demo seeds a text from Liam Ortiz, whose owner is the service advisor; the parts job has also
        // given the advisor a task (Charlotte Hayes's hybrid pump cannot arrive in time).
        var page = await _host.SignInAsync("service@demo.local");
        await Assertions.Expect(page.GetByTestId("nav-inbox")).ToContainTextAsync("2");
        await page.GetByTestId("nav-inbox").ClickAsync();
        var task = page.GetByTestId("task").Filter(new() { HasText = "Liam Ortiz" });
        await Assertions.Expect(task).ToContainTextAsync("sábado");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "inbox.png"), FullPage = true });

        await task.GetByLabel("Your answer").FillAsync("Claro, Liam: el sábado a las 10 está perfecto.");
        await task.GetByRole(AriaRole.Button, new() { Name = "Send and close" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sent");
        await Assertions.Expect(page.GetByTestId("task")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("task")).ToContainTextAsync("Parts will not make it");
        await Assertions.Expect(page.GetByTestId("nav-inbox").Locator(".count")).ToHaveTextAsync("1");
        await _host.DispatchAsync();
        var answered = Directory.GetFiles(_host.OutboxFolder, "*.sms.json").Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("body").GetString()!)
            .Count(t => t.Contains("el sábado a las 10", StringComparison.Ordinal));
        Assert.That(answered, Is.EqualTo(1), "the answer went to Liam by text, with its accents");

        // The parts task is better handled by the manager: the advisor hands it to the team queue.
        var parts = page.GetByTestId("task").Filter(new() { HasText = "Parts will not make it" });
        await parts.GetByRole(AriaRole.Button, new() { Name = "Hand over" }).ClickAsync();
        await Assertions.Expect(parts.GetByLabel("Hand this conversation to")).ToBeVisibleAsync();
        await parts.GetByLabel("Hand this conversation to").SelectOptionAsync(new SelectOptionValue { Label = "The team queue (managers see it)" });
        await parts.GetByRole(AriaRole.Button, new() { Name = "Hand over" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Handed to the team queue");
        await Assertions.Expect(page.GetByTestId("task")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"http://localhost:\d+/track/[A-Za-z0-9_\-\*]+")]
    private static partial Regex LinkIn();
}
