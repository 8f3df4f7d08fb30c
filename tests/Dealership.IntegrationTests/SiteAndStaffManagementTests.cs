using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Dealership.IntegrationTests;

/// <summary>
/// After the first run, managers run the group from the product: sites (hours, capacity, quiet hours, contact,
/// market) and staff (add, change roles and sites, deactivate, reset a password), each through the API with
/// the same rules the pages use.
/// </summary>
public sealed class SiteAndStaffManagementTests : SharedAppTests
{
    private static Dictionary<string, object?> SettingsFrom(JsonElement site) => new()
    {
        ["name"] = site.GetProperty("name").GetString(),
        ["timeZoneId"] = site.GetProperty("timeZoneId").GetString(),
        ["currency"] = site.GetProperty("currency").GetString(),
        ["distanceUnit"] = site.GetProperty("distanceUnit").GetString(),
        ["defaultPhoneRegion"] = site.GetProperty("defaultPhoneRegion").GetString(),
        ["languages"] = site.GetProperty("languages").EnumerateArray().Select(l => l.GetString()).ToList(),
        ["openingHours"] = site.GetProperty("openingHours").EnumerateArray().Select(h => new Dictionary<string, object?>
        {
            ["day"] = h.GetProperty("day").GetString(), ["opens"] = h.GetProperty("opens").GetString(), ["closes"] = h.GetProperty("closes").GetString(),
        }).ToList(),
        ["deliveryBays"] = site.GetProperty("handover").GetProperty("deliveryBays").GetInt32(),
        ["collectionMinutes"] = site.GetProperty("handover").GetProperty("collectionMinutes").GetInt32(),
        ["workshopMinutesPerDay"] = site.GetProperty("workshop").GetProperty("capacityMinutesPerDay").GetInt32(),
        ["advisorMinutesPerDay"] = site.GetProperty("workshop").GetProperty("advisorMinutesPerDay").GetInt32(),
        ["serviceSlotMinutes"] = site.GetProperty("workshop").GetProperty("slotMinutes").GetInt32(),
        ["labourRatePerHour"] = site.GetProperty("workshop").GetProperty("labourRatePerHour").GetInt64(),
        ["quietHoursStart"] = site.GetProperty("quietHours").GetProperty("start").GetString(),
        ["quietHoursEnd"] = site.GetProperty("quietHours").GetProperty("end").GetString(),
        ["publicPhone"] = null, ["publicEmail"] = null, ["address"] = null,
    };

    private static async Task<Guid> OpenSiteAsync(HttpClient manager, string code)
    {
        var opened = await manager.PostAsJsonAsync("/api/sites", new
        {
            code, name = $"Harbor Motors {code}", timeZoneId = "America/Denver", currency = "USD", distanceUnit = "miles", defaultPhoneRegion = "US", languages = new[] { "en" },
        });
        Assert.That(opened.StatusCode, Is.EqualTo(HttpStatusCode.Created), await opened.Content.ReadAsStringAsync());
        return (await opened.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    [Test]
    public async Task AManager_ChangesASitesHoursCapacityQuietHoursAndContact_GuardedByItsVersion()
    {
        using var manager = await App.ManagerAsync();
        var id = await OpenSiteAsync(manager, "DEN");
        var got = await manager.GetAsync($"/api/sites/{id}");
        var etag = got.Headers.ETag!.Tag;
        var settings = SettingsFrom(await got.ReadJsonAsync());
        // Closed on Saturdays from now on, open Sunday afternoons instead; more bays; quiet from 9 PM to 7 AM; a phone number.
        settings["openingHours"] = new object[]
        {
            new { day = "monday", opens = "07:30:00", closes = "18:00:00" }, new { day = "tuesday", opens = "07:30:00", closes = "18:00:00" },
            new { day = "wednesday", opens = "07:30:00", closes = "18:00:00" }, new { day = "thursday", opens = "07:30:00", closes = "18:00:00" },
            new { day = "friday", opens = "07:30:00", closes = "18:00:00" }, new { day = "sunday", opens = "12:00:00", closes = "16:00:00" },
        };
        settings["deliveryBays"] = 4;
        settings["quietHoursStart"] = "21:00:00";
        settings["quietHoursEnd"] = "07:00:00";
        settings["publicPhone"] = "303-555-0190";
        settings["address"] = "1 Harbor Way, Denver, CO";

        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/sites/{id}") { Content = JsonContent.Create(settings) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var saved = await manager.SendAsync(put);
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await saved.Content.ReadAsStringAsync());

        var site = await App.QueryAsync(db => db.Sites.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.That(site.HoursOn(DayOfWeek.Saturday), Is.Null, "a day left out is closed");
        Assert.That(site.HoursOn(DayOfWeek.Sunday)!.Opens, Is.EqualTo(new TimeOnly(12, 0)));
        Assert.That((site.DeliveryBays, site.QuietHoursStart, site.QuietHoursEnd, site.PublicPhone), Is.EqualTo((4, new TimeOnly(21, 0), new TimeOnly(7, 0), "303-555-0190")));

        // The same edit from a copy read before it: 412, and nothing changes.
        settings["deliveryBays"] = 9;
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/sites/{id}") { Content = JsonContent.Create(settings) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        Assert.That((await manager.SendAsync(stale)).StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));

        // Bad input says what to fix.
        settings["timeZoneId"] = "Mountain Time";
        settings["quietHoursEnd"] = settings["quietHoursStart"];
        var bad = await manager.PutAsJsonAsync($"/api/sites/{id}", settings);
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors");
        Assert.That(errors.TryGetProperty("timeZoneId", out _) && errors.TryGetProperty("quietHoursEnd", out _), Is.True, errors.ToString());
        Assert.That(await App.QueryAsync(db => db.Sites.Where(s => s.Id == id).Select(s => s.DeliveryBays).SingleAsync()), Is.EqualTo(4));
    }

    [Test]
    public async Task ASitesCurrency_IsFixedOnceAnythingIsPricedThere()
    {
        using var manager = await App.ManagerAsync();
        var portland = (await (await manager.GetAsync("/api/sites")).ReadJsonAsync()).EnumerateArray().First(s => s.GetProperty("code").GetString() == "PDX");
        var settings = SettingsFrom(portland);
        settings["currency"] = "CAD";
        var refused = await manager.PutAsJsonAsync($"/api/sites/{portland.GetProperty("id").GetGuid()}", settings);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await refused.ReadJsonAsync()).GetProperty("code").GetString(), Is.EqualTo("currency-in-use"));
    }

    [Test]
    public async Task OpeningASite_PutsTheManagerThere_AndACodeIsUsedOnce()
    {
        using var manager = await App.ManagerAsync();
        var id = await OpenSiteAsync(manager, "SLC");
        var mine = (await (await manager.GetAsync("/api/sites")).ReadJsonAsync()).EnumerateArray().Select(s => s.GetProperty("id").GetGuid());
        Assert.That(mine, Does.Contain(id));
        var site = await App.QueryAsync(db => db.Sites.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.That(site.HoursOn(DayOfWeek.Monday)!.Opens, Is.EqualTo(new TimeOnly(8, 0)), "a new site opens standard hours");
        Assert.That(site.HoursOn(DayOfWeek.Sunday), Is.Null);

        var again = await manager.PostAsJsonAsync("/api/sites", new { code = "slc", name = "Again", timeZoneId = "America/Denver", currency = "USD", distanceUnit = "miles", defaultPhoneRegion = "US", languages = new[] { "en" } });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        using var sales = await App.SalesAsync();
        Assert.That((await sales.PostAsJsonAsync("/api/sites", new { code = "NOPE" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private static async Task<(Guid Id, string Email)> AddSalespersonAsync(HttpClient manager, string password, params Guid[] sites)
    {
        var email = $"person.{Guid.NewGuid():N}"[..20] + "@demo.local";
        var siteIds = sites.Length > 0 ? sites : [(await (await manager.GetAsync("/api/sites")).ReadJsonAsync()).EnumerateArray().First(s => s.GetProperty("isCurrent").GetBoolean()).GetProperty("id").GetGuid()];
        var created = await manager.PostAsJsonAsync("/api/staff", new { email, displayName = "Riley Test", password, roles = new[] { "Salesperson" }, siteIds });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        return ((await created.ReadJsonAsync()).GetProperty("id").GetGuid(), email);
    }

    private async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        using var anonymous = App.CreateClient();
        return await anonymous.PostAsJsonAsync("/api/auth/token", new { email, password });
    }

    private HttpClient WithToken(string token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var response = await SignInAsync(email, password);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return WithToken((await response.ReadJsonAsync()).GetProperty("accessToken").GetString()!);
    }

    [Test]
    public async Task TakingARoleAway_EndsTheSessionsThatCarryIt_AndAddingOneDoesNot()
    {
        using var manager = await App.ManagerAsync();
        var (id, email) = await AddSalespersonAsync(manager, "First-password-1");
        using var person = await SignedInAsync(email, "First-password-1");
        Assert.That((await person.GetAsync("/api/orders")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var member = await manager.GetAsync($"/api/staff/{id}");
        var sites = (await member.ReadJsonAsync()).GetProperty("siteIds").EnumerateArray().Select(s => s.GetGuid()).ToArray();
        var changed = await manager.PutAsJsonAsync($"/api/staff/{id}", new { displayName = "Riley Test", roles = new[] { "Salesperson", "ServiceAdvisor" }, siteIds = sites });
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await changed.Content.ReadAsStringAsync());
        Assert.That((await person.GetAsync("/api/orders")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a role given keeps the session");

        changed = await manager.PutAsJsonAsync($"/api/staff/{id}", new { displayName = "Riley Test", roles = new[] { "ServiceAdvisor" }, siteIds = sites });
        Assert.That((await changed.ReadJsonAsync()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "ServiceAdvisor" }));
        Assert.That((await person.GetAsync("/api/orders")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a role taken away ends the token that carried it");
    }

    [Test]
    public async Task Deactivating_EndsEverySession_AndStopsSignIn_UntilReactivated()
    {
        using var manager = await App.ManagerAsync();
        var (id, email) = await AddSalespersonAsync(manager, "First-password-1");
        using var person = await SignedInAsync(email, "First-password-1");

        var deactivated = await manager.PostAsync($"/api/staff/{id}/deactivate", null);
        Assert.That((await deactivated.ReadJsonAsync()).GetProperty("isActive").GetBoolean(), Is.False);
        Assert.That((await person.GetAsync("/api/orders")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await SignInAsync(email, "First-password-1")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        await manager.PostAsync($"/api/staff/{id}/reactivate", null);
        using var back = await SignedInAsync(email, "First-password-1");
        Assert.That((await back.GetAsync("/api/orders")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var managerId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "manager@demo.local").Select(u => u.Id).SingleAsync());
        var self = await manager.PostAsync($"/api/staff/{managerId}/deactivate", null);
        Assert.That(self.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "nobody deactivates themselves");
    }

    [Test]
    public async Task AResetPassword_EndsSessions_AndOpensOnlyTheChangeOfPassword_UntilThePersonChoosesTheirOwn()
    {
        using var manager = await App.ManagerAsync();
        var (id, email) = await AddSalespersonAsync(manager, "First-password-1");
        using var before = await SignedInAsync(email, "First-password-1");

        var reset = await manager.PostAsJsonAsync($"/api/staff/{id}/password-reset", new { temporaryPassword = "Temporary-pass-2" });
        Assert.That((await reset.ReadJsonAsync()).GetProperty("mustChangePassword").GetBoolean(), Is.True);
        Assert.That((await before.GetAsync("/api/orders")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the reset ends old sessions");
        Assert.That((await SignInAsync(email, "First-password-1")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        using var temporary = await SignedInAsync(email, "Temporary-pass-2");
        var blocked = await temporary.GetAsync("/api/orders");
        Assert.That(blocked.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await blocked.ReadJsonAsync()).GetProperty("detail").GetString(), Does.Contain("POST /api/staff/me/password"));

        var wrong = await temporary.PostAsJsonAsync("/api/staff/me/password", new { currentPassword = "not-it-at-all", newPassword = "My-own-password-3" });
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await wrong.ReadJsonAsync()).GetProperty("errors").TryGetProperty("currentPassword", out _), Is.True);

        var chosen = await temporary.PostAsJsonAsync("/api/staff/me/password", new { currentPassword = "Temporary-pass-2", newPassword = "My-own-password-3" });
        Assert.That(chosen.StatusCode, Is.EqualTo(HttpStatusCode.OK), await chosen.Content.ReadAsStringAsync());
        Assert.That((await temporary.GetAsync("/api/orders")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "changing the password ends the session that changed it too");
        using var after = await SignedInAsync(email, "My-own-password-3");
        Assert.That((await after.GetAsync("/api/orders")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AManager_ReachesOnlyPeopleAtTheirOwnSites_AndGivesOnlyTheirOwnSites()
    {
        using var manager = await App.ManagerAsync();
        var faraway = await OpenSiteAsync(manager, "BOS");
        var (id, _) = await AddSalespersonAsync(manager, "First-password-1", faraway);
        // A second manager who works only at the demo's current site never opened BOS.
        var (otherId, otherEmail) = await AddSalespersonAsync(manager, "Manager-password-1");
        var current = (await (await manager.GetAsync($"/api/staff/{otherId}")).ReadJsonAsync()).GetProperty("siteIds").EnumerateArray().Select(s => s.GetGuid()).ToArray();
        await manager.PutAsJsonAsync($"/api/staff/{otherId}", new { displayName = "Other Manager", roles = new[] { "Manager" }, siteIds = current });
        using var other = await SignedInAsync(otherEmail, "Manager-password-1");

        Assert.That((await other.GetAsync($"/api/staff/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await other.PostAsync($"/api/staff/{id}/deactivate", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var grant = await other.PutAsJsonAsync($"/api/staff/{otherId}", new { displayName = "Other Manager", roles = new[] { "Manager" }, siteIds = current.Append(faraway).ToArray() });
        Assert.That(grant.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a manager gives only sites they work at");
        var demote = await other.PutAsJsonAsync($"/api/staff/{otherId}", new { displayName = "Other Manager", roles = new[] { "Salesperson" }, siteIds = current });
        Assert.That(demote.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "nobody takes the Manager role from themselves");
    }
}
