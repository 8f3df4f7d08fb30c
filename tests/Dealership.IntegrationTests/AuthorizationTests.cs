using System.Net;
using System.Net.Http.Json;
using Dealership.Application.Demo;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

public sealed class AuthorizationTests : SharedAppTests
{
    [Test]
    public async Task Api_WithoutToken_Is401_NotARedirect()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/api/customers");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task StaffPages_WithoutSignIn_RedirectToLogin()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.ToString(), Does.Contain("/login"));
    }

    [Test]
    public async Task Token_WithWrongPassword_Is401WithClearProblem()
    {
        using var client = App.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = "sales@demo.local", password = "wrong" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await response.ReadJsonAsync()).GetProperty("detail").GetString(), Does.Contain("email and password"));
    }

    [Test]
    public async Task Token_ReturnsBearerTokenWithLifetime()
    {
        using var client = App.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = "service@demo.local", password = DemoDataSeeder.DemoPassword });
        var body = await response.ReadJsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("accessToken").GetString(), Is.Not.Empty);
        Assert.That(body.GetProperty("expiresIn").GetInt32(), Is.EqualTo(3600));
    }

    [Test]
    public async Task RepeatedFailures_HoldTheAccountForThatAddress_EvenForTheRightPassword()
    {
        using var manager = await App.ManagerAsync();
        var created = await manager.PostAsJsonAsync("/api/staff", new
        {
            email = "locked.out@demo.local", displayName = "Lee Locked", password = "Correct-Horse-1",
            roles = new[] { "Salesperson" }, siteIds = new[] { await App.SiteIdAsync("PDX") },
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        using var client = App.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/auth/token", new { email = "locked.out@demo.local", password = "nope" });
        }

        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = "locked.out@demo.local", password = "Correct-Horse-1" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        // Locked and unknown read the same, so an outsider cannot tell which emails are staff accounts.
        var unknown = await client.PostAsJsonAsync("/api/auth/token", new { email = "nobody.here@demo.local", password = "Correct-Horse-1" });
        var (lockedBody, unknownBody) = (await response.ReadJsonAsync(), await unknown.ReadJsonAsync());
        Assert.That(unknown.StatusCode, Is.EqualTo(response.StatusCode));
        Assert.That(lockedBody.GetProperty("title").GetString(), Is.EqualTo(unknownBody.GetProperty("title").GetString()));
        Assert.That(lockedBody.GetProperty("detail").GetString(), Is.EqualTo(unknownBody.GetProperty("detail").GetString()));

        // The person themselves, at their own desk, still signs in: an outsider cannot lock a colleague out at will.
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Application.Data.StaffUser>>();
        var throttle = scope.ServiceProvider.GetRequiredService<Web.Security.SignInThrottle>();
        var user = (await users.FindByEmailAsync("locked.out@demo.local"))!;
        HttpContext From(string address) => new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse(address) } };
        for (var i = 0; i < 5; i++)
        {
            Assert.That(await throttle.CheckAsync(users, user, "wrong", From("203.0.113.9")), Is.False);
        }

        Assert.That(await throttle.CheckAsync(users, user, "Correct-Horse-1", From("203.0.113.9")), Is.False, "held for the guessing address");
        Assert.That(await throttle.CheckAsync(users, user, "Correct-Horse-1", From("198.51.100.20")), Is.True, "not for the person's own");
        Assert.That(await users.IsLockedOutAsync(user), Is.False, "the account itself never locks");
    }

    [Test]
    public async Task ATokenRequest_WithAnIdempotencyKey_IsNeverStored()
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
        {
            Content = JsonContent.Create(new { email = "service@demo.local", password = DemoDataSeeder.DemoPassword }),
        };
        request.Headers.Add("Idempotency-Key", "sign-in-" + Guid.NewGuid());

        var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var token = (await response.ReadJsonAsync()).GetProperty("accessToken").GetString()!;
        var stored = await App.QueryAsync(db => db.IdempotencyRecords.AnyAsync(r => r.Key.StartsWith("sign-in-")));
        Assert.That(stored, Is.False, "a bearer token must never sit in the idempotency table");
        Assert.That(token, Is.Not.Empty);
    }

    [Test]
    public async Task SigningOut_EndsTheSession_TheOldCookieNoLongerWorks()
    {
        var (client, token) = await App.SignInToPagesAsync("usedcars@demo.local");
        var before = await client.GetAsync("/");
        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var stolenCookie = before.RequestMessage!.Headers.GetValues("Cookie").Single();

        using var logout = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var signedOut = await client.PostAsync("/logout", logout);
        Assert.That(signedOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        using var replay = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", stolenCookie);
        var after = await replay.SendAsync(request);
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "a copy of the cookie from before sign-out is signed out too");
        Assert.That(after.Headers.Location!.ToString(), Does.Contain("/login"));
    }

    [Test]
    public async Task PartsClerk_MayReadCustomers_ButNotCreateThem()
    {
        using var parts = await App.PartsAsync();
        Assert.That((await parts.GetAsync("/api/customers")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var response = await parts.PostAsJsonAsync("/api/customers", Requests.NewCustomer());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("sales@demo.local")]
    [TestCase("service@demo.local")]
    [TestCase("usedcars@demo.local")]
    [TestCase("manager@demo.local")]
    public async Task FrontLineRoles_MayCreateCustomers(string email)
    {
        using var client = await App.ClientForAsync(email);
        var response = await client.PostAsJsonAsync("/api/customers", Requests.NewCustomer());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task StaffAccounts_AreForManagersOnly()
    {
        using var sales = await App.SalesAsync();
        using var manager = await App.ManagerAsync();
        Assert.That((await sales.GetAsync("/api/staff")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var list = await manager.GetAsync("/api/staff");
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await list.ReadJsonAsync()).GetProperty("total").GetInt32(), Is.GreaterThanOrEqualTo(5));
    }

    [Test]
    public async Task Manager_CreatesStaff_WhoCanThenSignIn()
    {
        using var manager = await App.ManagerAsync();
        var response = await manager.PostAsJsonAsync("/api/staff", new
        {
            email = "new.advisor@demo.local", displayName = "Nia Advisor", password = "Welcome-2026!",
            roles = new[] { "ServiceAdvisor" }, siteIds = new[] { await App.SiteIdAsync("BOI") },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());

        using var client = App.CreateClient();
        var token = await client.PostAsJsonAsync("/api/auth/token", new { email = "new.advisor@demo.local", password = "Welcome-2026!" });
        Assert.That(token.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Manager_CannotGrantASiteTheyDoNotWorkAt()
    {
        using var manager = await App.ManagerAsync();
        var response = await manager.PostAsJsonAsync("/api/staff", new
        {
            email = "elsewhere@demo.local", displayName = "Eli Elsewhere", password = "Welcome-2026!",
            roles = new[] { "Salesperson" }, siteIds = new[] { Guid.NewGuid() },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task SiteHeader_ForASiteYouDoNotWorkAt_Is403()
    {
        // The service advisor works at Portland only.
        using var service = await App.ClientForAsync("service@demo.local", await App.SiteIdAsync("BOI"));
        var response = await service.GetAsync("/api/sites");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await response.ReadJsonAsync()).GetProperty("detail").GetString(), Does.Contain("do not work at site"));
    }

    [Test]
    public async Task SiteHeader_SelectsTheCurrentSite()
    {
        var boise = await App.SiteIdAsync("BOI");
        using var sales = await App.ClientForAsync("sales@demo.local", boise);
        var sites = await (await sales.GetAsync("/api/sites")).ReadJsonAsync();
        var current = sites.EnumerateArray().Single(s => s.GetProperty("isCurrent").GetBoolean());
        Assert.That(current.GetProperty("code").GetString(), Is.EqualTo("BOI"));
        Assert.That(current.GetProperty("timeZoneId").GetString(), Is.EqualTo("America/Boise"));
        Assert.That(current.GetProperty("currency").GetString(), Is.EqualTo("USD"));
        Assert.That(current.GetProperty("distanceUnit").GetString(), Is.EqualTo("miles"));
    }

    [Test]
    public async Task JobDashboard_IsForManagersOnly()
    {
        using var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        using var sales = await App.SalesAsync();
        using var manager = await App.ManagerAsync();
        Assert.That((await anonymous.GetAsync("/hangfire")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await sales.GetAsync("/hangfire")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await manager.GetAsync("/hangfire")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AChangeSentWithTheSignInCookie_FromAnotherSite_IsRefused_FromOurOwnPages_Allowed()
    {
        var (client, _) = await App.SignInToPagesAsync("sales@demo.local");
        var body = new { firstName = "Cross", lastName = "Site", email = "cross.site@example.com", preferredChannel = "email", emailConsent = true, language = "en" };
        var customers = await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Customers));

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/customers") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        forged.Headers.Add("Origin", "https://evil.example");
        var refused = await client.SendAsync(forged);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await refused.ReadJsonAsync()).GetProperty("title").GetString(), Is.EqualTo("Cross-site request refused"));
        using var noOrigin = new HttpRequestMessage(HttpMethod.Post, "/api/customers") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        Assert.That((await client.SendAsync(noOrigin)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "no Origin and no Referer: refused too");
        Assert.That(await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Customers)), Is.EqualTo(customers));

        using var own = new HttpRequestMessage(HttpMethod.Post, "/api/customers") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        own.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        Assert.That((await client.SendAsync(own)).StatusCode, Is.EqualTo(HttpStatusCode.Created), "the same request from our own page goes through");
    }
}
