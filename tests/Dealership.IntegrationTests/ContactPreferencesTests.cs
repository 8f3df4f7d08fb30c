using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

public sealed class ContactPreferencesTests
{
    private readonly ConcurrentWriterInterceptor _concurrentWriter = new();
    private DealershipApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new DealershipApp(services => services.ConfigureDbContext<Application.Data.DealershipDbContext>(o => o.AddInterceptors(_concurrentWriter)));
        await _app.InitializeAsync();
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    private static object Preferences(string channel = "email", bool sms = false, string source = "customer phoned in") => new
    {
        preferredChannel = channel,
        language = "es",
        quietHoursStart = "21:30:00",
        quietHoursEnd = "07:30:00",
        smsConsent = sms,
        emailConsent = true,
        consentSource = source,
    };

    private static HttpRequestMessage Put(Guid id, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/customers/{id}/contact-preferences") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    [Test]
    public async Task Get_ReturnsETag_AndUpdateWithIt_AdvancesTheVersion()
    {
        using var sales = await _app.SalesAsync();
        var id = (await sales.CreateCustomerAsync(Requests.NewCustomer(mobile: "503-555-0171"))).GetProperty("id").GetGuid();
        var get = await sales.GetAsync($"/api/customers/{id}");
        Assert.That(get.Headers.ETag!.Tag, Is.EqualTo("\"0\""));

        var response = await sales.SendAsync(Put(id, Preferences(), get.Headers.ETag.Tag));
        var body = await response.ReadJsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.ETag!.Tag, Is.EqualTo("\"1\""));
        Assert.That(body.GetProperty("version").GetInt64(), Is.EqualTo(1));
        Assert.That(body.GetProperty("language").GetString(), Is.EqualTo("es"));
        Assert.That(body.GetProperty("smsConsent").GetBoolean(), Is.False);
        Assert.That(body.GetProperty("smsConsentSource").GetString(), Is.EqualTo("customer phoned in"));
        var stored = await _app.QueryAsync(db => db.Customers.SingleAsync(c => c.Id == id));
        Assert.That(stored.Version, Is.EqualTo(1));
        Assert.That(stored.QuietHoursStart, Is.EqualTo(new TimeOnly(21, 30)));
    }

    [Test]
    public async Task Update_WithStaleIfMatch_Is412_AndChangesNothing()
    {
        using var sales = await _app.SalesAsync();
        var id = (await sales.CreateCustomerAsync(Requests.NewCustomer(mobile: "503-555-0172"))).GetProperty("id").GetGuid();
        Assert.That((await sales.SendAsync(Put(id, Preferences(source: "first"), "\"0\""))).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var stale = await sales.SendAsync(Put(id, Preferences(channel: "sms", sms: true, source: "second"), "\"0\""));

        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That((await stale.ReadJsonAsync()).GetProperty("detail").GetString(), Does.Contain("Reload"));
        var stored = await _app.QueryAsync(db => db.Customers.SingleAsync(c => c.Id == id));
        Assert.That(stored.SmsConsentSource, Is.EqualTo("first"));
        Assert.That(stored.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task Update_WithMalformedIfMatch_Is400()
    {
        using var sales = await _app.SalesAsync();
        var id = (await sales.CreateCustomerAsync(Requests.NewCustomer())).GetProperty("id").GetGuid();
        var response = await sales.SendAsync(Put(id, Preferences(), "yesterday"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Update_WhenAnotherWriterSavesFirst_Is409_AndOurChangeIsNotApplied()
    {
        using var sales = await _app.SalesAsync();
        var id = (await sales.CreateCustomerAsync(Requests.NewCustomer(mobile: "503-555-0173"))).GetProperty("id").GetGuid();
        _concurrentWriter.ArmedFor = id;

        var response = await sales.SendAsync(Put(id, Preferences(), ifMatch: null));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await response.ReadJsonAsync()).GetProperty("detail").GetString(), Does.Contain("Someone else saved"));
        var stored = await _app.QueryAsync(db => db.Customers.SingleAsync(c => c.Id == id));
        Assert.That(stored.Language, Is.EqualTo("en"), "our change was not applied");
        Assert.That(stored.Version, Is.EqualTo(0), "the whole command, including the simulated write on its connection, was rolled back");
    }

    [Test]
    public async Task Update_ChoosingSmsForACustomerWithoutMobile_Is409SayingWhatToDo()
    {
        using var sales = await _app.SalesAsync();
        var id = (await sales.CreateCustomerAsync(Requests.NewCustomer())).GetProperty("id").GetGuid();
        var response = await sales.SendAsync(Put(id, Preferences(channel: "sms", sms: true), null));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await response.ReadJsonAsync()).GetProperty("detail").GetString(), Does.Contain("no mobile number"));
    }

    [Test]
    public async Task Update_ForUnknownCustomer_Is404()
    {
        using var sales = await _app.SalesAsync();
        var response = await sales.SendAsync(Put(Guid.NewGuid(), Preferences(), null));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ContactDetails_AreCorrected_WithTheSameRulesAsRegistration()
    {
        using var sales = await _app.SalesAsync();
        var id = (await sales.CreateCustomerAsync(Requests.NewCustomer(lastName: "Mover", mobile: "503-555-0174"))).GetProperty("id").GetGuid();
        var other = await sales.CreateCustomerAsync(Requests.NewCustomer(lastName: "Neighbour", email: "neighbour.details@example.com"));

        HttpRequestMessage Put(object body, string? ifMatch = null)
        {
            var r = new HttpRequestMessage(HttpMethod.Put, $"/api/customers/{id}/contact-details") { Content = JsonContent.Create(body) };
            if (ifMatch is not null)
            {
                r.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            return r;
        }

        var moved = await sales.SendAsync(Put(new { firstName = "Dana", lastName = "Mover", email = (string?)null, mobilePhone = "(503) 555-0175" }, "\"0\""));
        var stale = await sales.SendAsync(Put(new { firstName = "Dana", lastName = "Mover", mobilePhone = "(503) 555-0176" }, "\"0\""));
        var taken = await sales.SendAsync(Put(new { firstName = "Dana", lastName = "Mover", email = "neighbour.details@example.com", mobilePhone = "(503) 555-0175" }));
        var badPhone = await sales.SendAsync(Put(new { firstName = "Dana", lastName = "Mover", mobilePhone = "12" }));
        var noPhoneButPrefersSms = await sales.SendAsync(Put(new { firstName = "Dana", lastName = "Mover", email = "dana.mover@example.com", mobilePhone = (string?)null }));

        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
        Assert.That((await moved.ReadJsonAsync()).GetProperty("mobilePhone").GetString(), Is.EqualTo("+15035550175"));
        Assert.That(moved.Headers.ETag!.Tag, Is.EqualTo("\"1\""));
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await taken.ReadJsonAsync()).GetProperty("existingCustomerId").GetGuid(), Is.EqualTo(other.GetProperty("id").GetGuid()));
        Assert.That(badPhone.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(noPhoneButPrefersSms.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await _app.QueryAsync(db => db.Customers.Where(c => c.Id == id).Select(c => c.MobilePhone).SingleAsync()), Is.EqualTo("+15035550175"));
    }
}
