using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Dealership.IntegrationTests.Fakes;

namespace Dealership.IntegrationTests;

/// <summary>
/// The built app started as an operator would in Production (a separate process, settings from environment
/// variables): a missing or wrong setting stops it with one sentence and exit code 3, never a stack trace; a
/// running instance keeps its API description behind sign-in, sends HSTS and secure cookies behind a TLS proxy,
/// and names no server software.
/// </summary>
[NonParallelizable]
public sealed class ProductionHardeningTests
{
    private static Dictionary<string, string> Production(string data) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DEALERSHIP_DATA_DIR"] = data,
        ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        ["Logging__LogLevel__Default"] = "Warning",
    };

    [TestCase("Auth__SigningKey", "", "Auth:SigningKey is not set")]
    [TestCase("Auth__SigningKey", "c2hvcnQ=", "too short")]
    [TestCase("App__Role", "Chef", "App:Role 'Chef' is not a role")]
    [TestCase("Database__Provider", "Oracle", "Database:Provider 'Oracle' is not supported")]
    [TestCase("Proxy__KnownProxies__0", "not-an-ip", "Proxy:KnownProxies has 'not-an-ip'")]
    [TestCase("Notifications__SendLease", "00:00:02", "Notifications:SendLease is 00:00:02")]
    public async Task AMissingOrWrongSetting_StopsTheStart_WithOneSentence_AndExitCode3(string key, string value, string sentence)
    {
        var data = Directory.CreateTempSubdirectory("dealership-start").FullName;
        var environment = Production(data);
        environment[key] = value;
        using var app = AppProcess.Start("misconfigured", environment);
        Assert.That(await app.WaitForExitAsync(TimeSpan.FromMinutes(1)), Is.EqualTo(3), app.Output);
        Assert.That(app.Output, Does.Contain("Cannot start: ").And.Contain(sentence));
        Assert.That(app.Output, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception"), "no stack trace for an operator to read");
    }

    [Test]
    public async Task InProduction_TheApiDescriptionNeedsSignIn_AndBehindATlsProxy_HstsAndSecureCookies()
    {
        var data = Directory.CreateTempSubdirectory("dealership-prod").FullName;
        using var app = AppProcess.Start("production", Production(data));
        await app.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };

        var description = await http.GetAsync("/openapi/v1.json");
        Assert.That(description.StatusCode, Is.AnyOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect), "the API's description is for signed-in staff in Production");
        Assert.That((await http.GetAsync("/scalar")).StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));

        // The proxy terminated TLS and says so; loopback is a trusted proxy by default.
        using var viaProxy = new HttpRequestMessage(HttpMethod.Get, "/login");
        viaProxy.Headers.Add("X-Forwarded-Proto", "https");
        viaProxy.Headers.Host = "service.example.com"; // HSTS is never sent to localhost
        var login = await http.SendAsync(viaProxy);
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(login.Headers.Contains("Strict-Transport-Security"), Is.True, "HSTS over TLS");
        Assert.That(login.Headers.Contains("Server"), Is.False);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.That(cookies, Is.Not.Empty.And.All.Contains("secure").IgnoreCase.And.All.Contains("httponly").IgnoreCase);

        // Size limits on the real socket: a body larger than any photo, a header block larger than any browser sends.
        using var huge = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = new ByteArrayContent(new byte[12 * 1024 * 1024]) };
        huge.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        huge.Headers.ExpectContinue = true; // the server refuses on the declared length, before the body is sent
        var tooLarge = await http.SendAsync(huge);
        Assert.That(tooLarge.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        using var headers = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        headers.Headers.Add("X-Padding", new string('x', 40 * 1024));
        Assert.That((int)(await http.SendAsync(headers)).StatusCode, Is.EqualTo(431), "request header fields too large");

        var health = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/health/ready");
        Assert.That(health.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }
}
