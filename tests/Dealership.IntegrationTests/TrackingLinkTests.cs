using System.Net;
using Dealership.IntegrationTests.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Dealership.IntegrationTests;

/// <summary>The customer's personal link: their page only, hashed tokens, expiry, revocation, one 404 for every bad token.</summary>
public sealed class TrackingLinkTests
{
    private MessagingApp _m = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _m = await MessagingApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _m.DisposeAsync();

    private async Task<string> TokenForAsync(Guid customerId, string phone, string text)
    {
        await _m.SendMessageAsync(customerId, text);
        await _m.DispatchAsync();
        return _m.TokenFromLastText(phone);
    }

    [Test]
    public async Task TheLink_ShowsThatCustomersOwnMessages_AndNothingOfAnyoneElse()
    {
        var mine = await _m.CreateCustomerAsync("Owntrack", "503-555-0180", null, "sms");
        var other = await _m.CreateCustomerAsync("Othertrack", "503-555-0181", null, "sms");
        await TokenForAsync(other, "+15035550181", "Secret for the other customer");
        var token = await TokenForAsync(mine, "+15035550180", "Your paperwork is ready to sign");
        Assert.That(token, Has.Length.GreaterThanOrEqualTo(27), "160 random bits in base64url");

        using var anonymous = _m.App.CreateClient();
        var response = await anonymous.GetAsync($"/track/{token}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("Hi Robin").And.Contain("Your paperwork is ready to sign"));
        Assert.That(html, Does.Not.Contain("Secret for the other customer").And.Not.Contain("Othertrack"));
        Assert.That(response.Headers.CacheControl!.NoStore, Is.True);
        Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
        var stored = await _m.App.QueryAsync(db => db.TrackingLinks.Select(l => l.TokenHash).ToListAsync());
        Assert.That(stored, Does.Not.Contain(token), "only hashes are stored");
    }

    [Test]
    public async Task BadExpiredAndRevokedLinks_AllGetTheSame404()
    {
        var id = await _m.CreateCustomerAsync("Revoked", "503-555-0182", null, "sms");
        var token = await TokenForAsync(id, "+15035550182", "Link test");
        using var anonymous = _m.App.CreateClient();
        Assert.That((await anonymous.GetAsync($"/track/{token}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var wrong = await anonymous.GetAsync($"/track/{token[..^2]}xx");
        using var sales = await _m.App.SalesAsync();
        var revoke = await sales.PostAsync($"/api/customers/{id}/tracking-links/revocation", null);
        var revoked = await anonymous.GetAsync($"/track/{token}");

        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Strip(await revoked.Content.ReadAsStringAsync()), Is.EqualTo(Strip(await wrong.Content.ReadAsStringAsync())), "nothing tells a revoked link from a wrong one");
    }

    [Test]
    public async Task ALink_ExpiresAfterItsLifetime()
    {
        var id = await _m.CreateCustomerAsync("Expiring", "503-555-0183", null, "sms");
        var token = await TokenForAsync(id, "+15035550183", "Expiry test");
        using var anonymous = _m.App.CreateClient();

        _m.App.Clock.Advance(TimeSpan.FromDays(61));

        Assert.That((await anonymous.GetAsync($"/track/{token}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static string Strip(string html) => System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\"[^>]*>", "");
}
