using System.Net;
using System.Net.Http.Json;
using Dealership.IntegrationTests.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Dealership.IntegrationTests;

/// <summary>
/// Managers change a message's words for their site in Liquid: refused with the line when it names an unknown
/// fact or does not parse; used for the next message sent; kept as history; undone back to the default. Other
/// sites keep theirs; nobody else may edit.
/// </summary>
public sealed class TemplateEditingTests
{
    private MessagingApp _m = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _m = await MessagingApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _m.DisposeAsync();

    private static HttpRequestMessage Put(string path, object body, long? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }

        return request;
    }

    [Test]
    public async Task AManagersOwnText_IsCheckedWithItsLine_UsedForTheNextMessage_AndUndoneToTheDefault()
    {
        using var manager = await _m.App.ManagerAsync();
        const string path = "/api/templates/staff.message/Sms/en";

        var unknown = await manager.SendAsync(Put(path, new { body = "Note from {{ staffName | first_word }}:\n{{ txt }} {{ link }}" }, null));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = (await unknown.ReadJsonAsync()).GetProperty("errors").GetProperty("body")[0].GetString();
        Assert.That(problem, Does.Contain("Line 2").And.Contain("'txt'").And.Contain("text"), "the typo, its line, and the facts that exist");

        var unknownFilter = await manager.SendAsync(Put(path, new { body = "{{ text | shout }} {{ link }}" }, null));
        Assert.That((await unknownFilter.ReadJsonAsync()).GetProperty("errors").GetProperty("body")[0].GetString(), Does.Contain("no filter named 'shout'"));
        var broken = await manager.SendAsync(Put(path, new { body = "{% if text %}{{ text }} {{ link }}" }, null));
        Assert.That(broken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await broken.ReadJsonAsync()).GetProperty("errors").GetProperty("body")[0].GetString(), Does.Contain("does not parse"));
        Assert.That(await _m.App.QueryAsync(db => db.TemplateVersions.CountAsync()), Is.Zero, "nothing refused was saved");

        var saved = await manager.SendAsync(Put(path, new { body = "Note from {{ staffName | first_word }}: {{ text }} {{ link }}", note = "Shorter signature" }, null));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await saved.Content.ReadAsStringAsync());
        Assert.That(saved.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
        var detail = await saved.ReadJsonAsync();
        Assert.That(detail.GetProperty("customized").GetBoolean(), Is.True);
        Assert.That(detail.GetProperty("preview").GetProperty("text").GetString(), Does.StartWith("Note from Sam: "));

        var customer = await _m.CreateCustomerAsync("Templated", "503-555-0191", null, "sms");
        await _m.SendMessageAsync(customer, "Your car is ready.");
        await _m.DispatchAsync();
        Assert.That(_m.Twilio.Accepted.Single(m => m.To == "+15035550191").Body, Does.StartWith("Note from Sam: Your car is ready. "), "the site's own words, at once");

        var stale = await manager.SendAsync(Put(path, new { body = "Stale {{ text }} {{ link }}" }, 0));
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed), "someone saved since this editor loaded it");

        using var revert = new HttpRequestMessage(HttpMethod.Post, path + "/reversion") { Content = JsonContent.Create(new { version = (int?)null }) };
        revert.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var reverted = await manager.SendAsync(revert);
        Assert.That(reverted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await reverted.Content.ReadAsStringAsync());
        var back = await reverted.ReadJsonAsync();
        Assert.That((back.GetProperty("customized").GetBoolean(), back.GetProperty("version").GetInt32()), Is.EqualTo((false, 2)));
        Assert.That(back.GetProperty("history").EnumerateArray().Select(v => v.GetProperty("note").GetString()),
            Is.EqualTo(new[] { "Back to the product's default", "Shorter signature" }), "history is kept, newest first");

        await _m.SendMessageAsync(customer, "See you soon.");
        await _m.DispatchAsync();
        Assert.That(_m.Twilio.Accepted.Last(m => m.To == "+15035550191").Body, Does.StartWith("See you soon. - Sam, Harbor Motors Portland."));

        using var again = new HttpRequestMessage(HttpMethod.Post, path + "/reversion") { Content = JsonContent.Create(new { version = 1 }) };
        var restored = await (await manager.SendAsync(again)).ReadJsonAsync();
        Assert.That(restored.GetProperty("body").GetString(), Is.EqualTo("Note from {{ staffName | first_word }}: {{ text }} {{ link }}"), "an earlier version can come back");
    }

    [Test]
    public async Task ASitesText_IsOnlyItsOwn_AndOnlyManagersEditIt()
    {
        using var manager = await _m.App.ManagerAsync();
        var saved = await manager.SendAsync(Put("/api/templates/reply.help/Sms/es", new { body = "Ayuda de {{ siteName }}: responda a este mensaje. {{ link }}" }, null));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await saved.Content.ReadAsStringAsync());
        var site = await _m.App.QueryAsync(db => db.TemplateVersions.Where(v => v.Key == "reply.help").Select(v => v.SiteId).SingleAsync());
        Assert.That(site, Is.EqualTo(await _m.App.SiteIdAsync("PDX")), "saved for the manager's current site only");

        using var sales = await _m.App.SalesAsync();
        Assert.That((await sales.GetAsync("/api/templates")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await sales.SendAsync(Put("/api/templates/reply.help/Sms/es", new { body = "x {{ link }}" }, null))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await manager.GetAsync("/api/templates/no.such/Sms/en")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var list = await (await manager.GetAsync("/api/templates")).ReadJsonAsync();
        var spanishHelp = list.EnumerateArray().Single(t => t.GetProperty("key").GetString() == "reply.help" && t.GetProperty("language").GetString() == "es"
            && t.GetProperty("channel").GetString() == "sms");
        Assert.That(spanishHelp.GetProperty("customized").GetBoolean(), Is.True);
        Assert.That(spanishHelp.GetProperty("preview").GetProperty("gsm7").GetBoolean(), Is.True, "no accents in this one: 160 characters a segment");
    }
}
