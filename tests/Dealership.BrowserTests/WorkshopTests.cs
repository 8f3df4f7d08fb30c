using Microsoft.Playwright;

namespace Dealership.BrowserTests;

/// <summary>
/// The workshop in the browser: a technician inspects a car on their phone and proposes two items; the customer,
/// on their phone, approves one and declines the other; the bill on their page holds exactly the approved work,
/// and the advisor sees the answers.
/// </summary>
public sealed class WorkshopTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    private BrowserHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await BrowserHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task TheTechnicianInspectsOnAPhone_TheCustomerApprovesOneItemAndDeclinesAnother_AndTheBillShowsExactlyTheApprovedWork()
    {
        // The technician lands on the workshop board and opens Sophia's car (in progress, not yet inspected).
        var tech = await _host.SignInAsync("tech@demo.local", width: 390, height: 844);
        await Assertions.Expect(tech.GetByRole(AriaRole.Heading, new() { Name = "Workshop" })).ToBeVisibleAsync();
        await tech.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "workshop-board-phone.png"), FullPage = true });
        await tech.GetByTestId("workshop-board").GetByRole(AriaRole.Link).Filter(new() { HasText = "Sophia" }).Or(
            tech.GetByTestId("workshop-board").Locator("tr", new() { HasText = "Sophia" }).GetByRole(AriaRole.Link)).First.ClickAsync();
        await Assertions.Expect(tech.GetByTestId("inspection-form")).ToBeVisibleAsync();

        var brakes = tech.GetByRole(AriaRole.Group, new() { Name = "Brakes", Exact = true });
        await brakes.GetByLabel("Now").CheckAsync();
        await brakes.GetByLabel("What you found").FillAsync("Front pads at 2 mm, discs scored");
        await brakes.GetByLabel("Work it needs").SelectOptionAsync(new SelectOptionValue { Label = "Front brake pads and discs" });
        await brakes.GetByLabel("What happens if they wait").FillAsync("Metal on metal within weeks");
        var wipers = tech.GetByRole(AriaRole.Group, new() { Name = "Wipers", Exact = true });
        await wipers.GetByLabel("Soon").CheckAsync();
        await wipers.GetByLabel("What you found").FillAsync("Cabin filter clogged, smells musty");
        await wipers.GetByLabel("Work it needs").SelectOptionAsync(new SelectOptionValue { Label = "Cabin air filter replacement" });
        await tech.GetByRole(AriaRole.Group, new() { Name = "Tires", Exact = true }).GetByLabel("Green").CheckAsync();
        await tech.GetByRole(AriaRole.Group, new() { Name = "Lights", Exact = true }).GetByLabel("Green").CheckAsync();
        await tech.GetByRole(AriaRole.Button, new() { Name = "Record the inspection and tell the customer" }).ClickAsync();
        await Assertions.Expect(tech.GetByRole(AriaRole.Status)).ToContainTextAsync("Inspection recorded");
        await Assertions.Expect(tech.GetByTestId("visit-stage")).ToHaveTextAsync("Waiting for the customer's answer");
        await tech.GetByLabel("Photo of the brakes").SetInputFilesAsync(new FilePayload { Name = "brakes.png", MimeType = "image/png", Buffer = Png });
        await tech.GetByRole(AriaRole.Button, new() { Name = "Add photo" }).First.ClickAsync();
        await Assertions.Expect(tech.GetByRole(AriaRole.Status)).ToContainTextAsync("Photo added");
        await Assertions.Expect(tech.GetByTestId("bill")).ToHaveCountAsync(0);
        await tech.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "workshop-inspected-phone.png"), FullPage = true });

        // Sophia, on her phone: both items with their prices; yes to the brakes, no to the filter.
        var phone = await _host.NewPageAsync(390, 844);
        await phone.GotoAsync(await _host.TrackingLinkForAsync("sophia.nguyen@example.com"));
        var visit = phone.GetByTestId("visit-progress").Filter(new() { HasText = "Front brake pads and discs" });
        await Assertions.Expect(visit.GetByTestId("proposal")).ToHaveCountAsync(2);
        await Assertions.Expect(visit.GetByRole(AriaRole.Img, new() { Name = "Photo: Brakes" })).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "workshop-customer-proposals.png"), FullPage = true });
        await visit.GetByTestId("proposal").Filter(new() { HasText = "Front brake pads and discs" }).GetByRole(AriaRole.Button, new() { Name = "Yes, do it" }).ClickAsync();
        await Assertions.Expect(phone.GetByTestId("extra-answered")).ToContainTextAsync("we'll do it");
        visit = phone.GetByTestId("visit-progress").Filter(new() { HasText = "Front brake pads and discs" });
        await visit.GetByTestId("proposal").Filter(new() { HasText = "Cabin air filter" }).GetByRole(AriaRole.Button, new() { Name = "No, thanks" }).ClickAsync();
        await Assertions.Expect(phone.GetByTestId("extra-answered")).ToContainTextAsync("we won't do it");

        visit = phone.GetByTestId("visit-progress").Filter(new() { HasText = "Front brake pads and discs" });
        var bill = visit.GetByTestId("visit-bill");
        await Assertions.Expect(bill).ToContainTextAsync("Front brake pads and discs (approved)");
        await Assertions.Expect(bill).Not.ToContainTextAsync("Cabin air filter");
        await Assertions.Expect(visit.GetByTestId("proposal-answer")).ToHaveTextAsync(["You approved this", "You declined this; we'll remind you next time"]);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "workshop-customer-answered.png"), FullPage = true });

        // The advisor sees both answers, how they were given, and the bill.
        var advisor = await _host.SignInAsync("service@demo.local");
        await advisor.GotoAsync(tech.Url);
        await Assertions.Expect(advisor.GetByTestId("extra-work")).ToContainTextAsync("approved on their page");
        await Assertions.Expect(advisor.GetByTestId("extra-work")).ToContainTextAsync("declined on their page");
        await Assertions.Expect(advisor.GetByTestId("bill")).ToContainTextAsync("Front brake pads and discs (approved)");
        await advisor.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "workshop-advisor-visit.png"), FullPage = true });
    }

    [Test]
    public async Task AManagerAnswersARequestAboveTheAdvisorsLimit_FromTheInbox_AndTheApprovalsQueue()
    {
        var manager = await _host.SignInAsync("manager@demo.local");
        await manager.GotoAsync("/inbox");
        await Assertions.Expect(manager.GetByText("Approve or decline: goodwill credit of $150.00 for Benjamin Foster")).ToBeVisibleAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Open the approvals queue" }).First.ClickAsync();
        var request = manager.GetByTestId("approval").Filter(new() { HasText = "Benjamin Foster" });
        await Assertions.Expect(request).ToContainTextAsync("Asked by Alex Kim");
        await Assertions.Expect(request.GetByTestId("standing")).ToContainTextAsync("advice, not a rule");
        await manager.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "approvals-queue.png"), FullPage = true });
        await request.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Alert)).ToContainTextAsync("Say why");
        request = manager.GetByTestId("approval").Filter(new() { HasText = "Benjamin Foster" });
        await request.GetByLabel("Your reason").FillAsync("Yes: we should have caught it last time");
        await request.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved");
        await Assertions.Expect(manager.GetByTestId("approval").Filter(new() { HasText = "Benjamin Foster" })).ToHaveCountAsync(0);

        var advisor = await _host.SignInAsync("service@demo.local");
        await advisor.GotoAsync("/inbox");
        await Assertions.Expect(advisor.GetByText("Approved: goodwill credit of $150.00 for Benjamin Foster")).ToBeVisibleAsync();

        // The manager raises the advisors' goodwill limit, saying why; the change is kept.
        var limits = manager.GetByTestId("limits");
        var row = limits.Locator("tr", new() { HasText = "Service advisor" }).Filter(new() { HasText = "goodwill credit" });
        await row.GetByLabel("Limit").FillAsync("300");
        await row.GetByLabel("Why").FillAsync("Advisors settle repeat visits themselves");
        await row.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("limit-ServiceAdvisor-Goodwill")).ToHaveTextAsync("up to $300.00");
        await Assertions.Expect(manager.GetByTestId("policy-history")).ToContainTextAsync("set the service advisors' goodwill credit limit from $100.00 to $300.00: “Advisors settle repeat visits themselves”");
        await manager.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "approvals-limits.png"), FullPage = true });
    }

    [Test]
    public async Task ACustomerBooksTheirOwnVisitOnTheirPhone_FromTheTimesTheWorkshopHasFree()
    {
        var phone = await _host.NewPageAsync(390, 844);
        await phone.GotoAsync(await _host.TrackingLinkForAsync("emily.fischer@example.com"));
        var card = phone.GetByTestId("book-visit");
        await card.GetByRole(AriaRole.Link, new() { Name = "Something's not right" }).ClickAsync();
        card = phone.GetByTestId("book-visit");
        await card.GetByLabel("Tell us what's wrong, in your own words").FillAsync("A clunk from the back over speed bumps");
        await card.Locator("label.c-slot").First.ClickAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "self-booking-phone.png"), FullPage = true });
        await card.GetByRole(AriaRole.Button, new() { Name = "Book this time" }).ClickAsync();

        await Assertions.Expect(phone.GetByTestId("visit-booked")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByTestId("visit-progress").Filter(new() { HasText = "Booked" })).ToHaveCountAsync(1);
        await phone.GotoAsync(phone.Url.Split('#')[0] + "?book=Concern#book");
        await Assertions.Expect(phone.GetByTestId("booking-unavailable")).ToContainTextAsync("already has a visit");
    }
}
