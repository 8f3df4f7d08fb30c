using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Dealership.IntegrationTests;

/// <summary>A customer's timeline: newest first, paged and counted over HTTP; filtered to one visit on its page (compiled queries, issue #14).</summary>
public sealed class JourneyTests : SharedAppTests
{
    [Test]
    public async Task TheJourney_PagesNewestFirst_AndCountsEveryTouchpoint()
    {
        // A customer whose history is about more than one thing (the demo's data is small: read it whole).
        var all = await App.QueryAsync(db => db.Touchpoints.Select(t => new { t.CustomerId, t.SubjectId }).ToListAsync());
        var busiest = all.GroupBy(t => t.CustomerId)
            .Where(g => g.Any(t => t.SubjectId != null) && g.Select(t => t.SubjectId).Distinct().Count() > 1)
            .Select(g => new { CustomerId = g.Key, Count = g.Count() }).OrderByDescending(x => x.Count).First();
        Assert.That(busiest.Count, Is.GreaterThanOrEqualTo(4), "the demo gives someone a history");
        var newestFirst = await App.QueryAsync(db => db.Touchpoints.Where(t => t.CustomerId == busiest.CustomerId)
            .OrderByDescending(t => t.OccurredAt).ThenByDescending(t => t.Id).Select(t => t.Id).ToListAsync());
        using var manager = await App.ManagerAsync();

        for (var page = 1; page <= 2; page++)
        {
            var body = await (await manager.GetAsync($"/api/customers/{busiest.CustomerId}/journey?page={page}&pageSize=2")).ReadJsonAsync();
            Assert.That(body.GetProperty("total").GetInt32(), Is.EqualTo(busiest.Count));
            Assert.That(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), Is.EqualTo(newestFirst.Skip((page - 1) * 2).Take(2)));
        }

        var beyond = await (await manager.GetAsync($"/api/customers/{busiest.CustomerId}/journey?page=999&pageSize=2")).ReadJsonAsync();
        Assert.That((beyond.GetProperty("items").GetArrayLength(), beyond.GetProperty("total").GetInt32()), Is.EqualTo((0, busiest.Count)));

        Assert.That((await manager.GetAsync($"/api/customers/{Guid.NewGuid()}/journey")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        // An empty timeline of a customer who exists is an empty page, not a 404 (the look-up runs only when nothing is counted).
        var quiet = await Arrange.CustomerWithCarAsync(App);
        await App.QueryAsync(db => db.Touchpoints.Where(t => t.CustomerId == quiet.CustomerId).ExecuteDeleteAsync());
        var empty = await manager.GetAsync($"/api/customers/{quiet.CustomerId}/journey");
        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.OK), await empty.Content.ReadAsStringAsync());
        Assert.That((await empty.ReadJsonAsync()).GetProperty("total").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task AVisitsPage_ShowsOnlyTheTouchpointsAboutThatVisit()
    {
        // The visit page reads the journey filtered to one subject; its customer has touchpoints about other things too.
        var all = await App.QueryAsync(db => db.Touchpoints.Select(t => new { t.CustomerId, t.SubjectType, t.SubjectId }).ToListAsync());
        var visit = all.Where(t => t.SubjectType == "appointment" && t.SubjectId != null)
            .GroupBy(t => (t.CustomerId, SubjectId: t.SubjectId!.Value))
            .Select(g => new { g.Key.SubjectId, About = g.Count(), Others = all.Count(t => t.CustomerId == g.Key.CustomerId && t.SubjectId != g.Key.SubjectId) })
            .Where(v => v.Others > 0 && v.About <= 30).OrderByDescending(v => v.About).First();
        var (pages, _) = await App.SignInToPagesAsync("service@demo.local");

        var html = await pages.GetStringAsync($"/service/visits/{visit.SubjectId}");

        var history = html[html.IndexOf("data-testid=\"visit-history\"", StringComparison.Ordinal)..];
        history = history[..history.IndexOf("</ul>", StringComparison.Ordinal)];
        Assert.That(history.Split("<li").Length - 1, Is.EqualTo(visit.About), "every touchpoint about the visit, and none about anything else");
    }
}
