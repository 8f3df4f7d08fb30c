using Microsoft.Playwright;

namespace Dealership.BrowserTests;

/// <summary>
/// A manager's morning: they land on the dashboard and see, drawn, where customers waited in silence; they open
/// the journey behind the worst silence; they answer the approval waiting for them and find it among the
/// decisions with its outcome still to come.
/// </summary>
public sealed class ManagerDashboardTests
{
    private BrowserHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await BrowserHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task TheManagerLandsOnTheDashboard_SeesTheChartsDrawn_AndOpensTheJourneyBehindTheWorstSilence()
    {
        var page = await _host.SignInAsync("manager@demo.local");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How customers are doing" })).ToBeVisibleAsync();
        Assert.That(page.Url, Does.EndWith("/analytics"), "the managers' landing page");
        var served = await page.GotoAsync("/analytics");
        Assert.That(served!.Headers.ContainsKey("server"), Is.False, "the real server names no product or version");

        foreach (var chart in new[] { "chart-silence", "chart-contacts", "chart-durations", "chart-promises", "chart-parts", "chart-decisions" })
        {
            await Assertions.Expect(page.GetByTestId(chart)).ToBeVisibleAsync();
        }

        // Drawn means coloured bars with a real size on screen, not an empty frame: measured in the browser.
        var drawn = await page.EvaluateAsync<int>(@"() => [...document.querySelectorAll('svg.chart rect[class^=""tone-""]')]
            .filter(r => { const b = r.getBoundingClientRect(); const fill = getComputedStyle(r).fill; return b.width >= 2 && b.height >= 8 && fill && fill !== 'none' && fill !== 'rgba(0, 0, 0, 0)'; }).length");
        Assert.That(drawn, Is.GreaterThanOrEqualTo(12), "bars across the six charts");
        var silentBars = await page.GetByTestId("chart-silence").Locator("rect.tone-bad").CountAsync();
        Assert.That(silentBars, Is.GreaterThan(0), "six months of history hold silences before proactive messages started");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "manager-dashboard.png"), FullPage = true });
        await page.GetByTestId("chart-silence").ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "manager-dashboard-silence-chart.png") });

        var worst = page.GetByTestId("silence").Locator("ul.examples a").First;
        var who = await worst.InnerTextAsync();
        await worst.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{who}'s journey" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("silence").First).ToContainTextAsync("days without a word");
        await Assertions.Expect(page.GetByTestId("journey").Locator("li.dealer").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "customer-journey.png"), FullPage = true });

        var phone = await _host.NewPageAsync(390, 844);
        await phone.GotoAsync(page.Url);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "customer-journey-phone.png"), FullPage = true });
    }

    [Test]
    public async Task TheManagerApprovesTheWaitingGoodwill_AndFindsItAmongTheDecisions()
    {
        var page = await _host.SignInAsync("manager@demo.local");
        await page.GotoAsync("/approvals");
        var request = page.GetByTestId("approval").Filter(new() { HasText = "Benjamin Foster" });
        await Assertions.Expect(request.GetByTestId("standing")).ToBeVisibleAsync();
        await request.GetByLabel("Your reason").FillAsync("We missed the pads last time: yes");
        await request.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "approvals-answered.png"), FullPage = true });

        await page.GotoAsync("/decisions");
        var row = page.GetByTestId("decisions").Locator("tr", new() { HasText = "Benjamin Foster" }).First;
        await Assertions.Expect(row).ToContainTextAsync("approved");
        await Assertions.Expect(row).ToContainTextAsync("Not known yet");
        await row.GetByLabel("Outcome").SelectOptionAsync("CustomerKept");
        await row.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Outcome recorded");
        await Assertions.Expect(page.GetByTestId("decisions").Locator("tr", new() { HasText = "Benjamin Foster" }).First).ToContainTextAsync("Customer kept");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "decisions-outcomes.png"), FullPage = true });
    }
}
