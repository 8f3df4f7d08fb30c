using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Dealership.IntegrationTests;

public sealed class CustomerRegistrationTests : SharedAppTests
{
    [Test]
    public async Task Register_StoresMobileInE164_AndAnswersWithLocationAndETag()
    {
        using var sales = await App.SalesAsync();
        var body = Requests.NewCustomer(mobile: "(503) 555-0142");

        var response = await sales.PostAsJsonAsync("/api/customers", body);
        var customer = await response.ReadJsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/api/customers/{customer.GetProperty("id").GetGuid()}"));
        Assert.That(response.Headers.ETag!.Tag, Is.EqualTo("\"0\""));
        Assert.That(customer.GetProperty("mobilePhone").GetString(), Is.EqualTo("+15035550142"));
        Assert.That(customer.GetProperty("preferredChannel").GetString(), Is.EqualTo("sms"));
        Assert.That(customer.GetProperty("timeZoneId").GetString(), Is.EqualTo("America/Los_Angeles"), "defaults to the current site's time zone");
        Assert.That(customer.GetProperty("smsConsentSource").GetString(), Does.Contain("PDX"));
    }

    [Test]
    public async Task Register_ReadsPhoneNumbersInTheCurrentSitesRegion_AndDefaultsItsTimeZone()
    {
        using var sales = await App.ClientForAsync("sales@demo.local", await App.SiteIdAsync("BOI"));
        var customer = await sales.CreateCustomerAsync(Requests.NewCustomer(mobile: "208-555-0166"));
        Assert.That(customer.GetProperty("mobilePhone").GetString(), Is.EqualTo("+12085550166"));
        Assert.That(customer.GetProperty("timeZoneId").GetString(), Is.EqualTo("America/Boise"));
    }

    [Test]
    public async Task Register_WithInvalidFields_Is400WithFieldErrors_AndSavesNothing()
    {
        using var sales = await App.SalesAsync();
        var before = await App.QueryAsync(db => db.Customers.CountAsync());
        var body = Requests.NewCustomer(email: "not-an-email", mobile: "12");
        body["firstName"] = "";
        body["quietHoursStart"] = "21:00:00";

        var response = await sales.PostAsJsonAsync("/api/customers", body);
        var problem = await response.ReadJsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var errors = problem.GetProperty("errors");
        Assert.That(errors.TryGetProperty("firstName", out _), Is.True);
        Assert.That(errors.GetProperty("email")[0].GetString(), Does.Contain("not-an-email"));
        Assert.That(errors.GetProperty("mobilePhone")[0].GetString(), Does.Contain("not a valid phone number"));
        Assert.That(errors.GetProperty("quietHoursEnd")[0].GetString(), Does.Contain("both"));
        Assert.That(await App.QueryAsync(db => db.Customers.CountAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task Register_WithoutAnyContact_SaysHowWeWouldKeepThemInformed()
    {
        using var sales = await App.SalesAsync();
        var body = Requests.NewCustomer();
        body["email"] = null;
        body["preferredChannel"] = null;

        var problem = await (await sales.PostAsJsonAsync("/api/customers", body)).ReadJsonAsync();

        Assert.That(problem.GetProperty("errors").GetProperty("contact")[0].GetString(), Does.Contain("email address or a mobile number"));
    }

    [Test]
    public async Task Register_WithUnknownEnumValue_Is400NamingTheField()
    {
        using var sales = await App.SalesAsync();
        var body = Requests.NewCustomer();
        body["preferredChannel"] = "fax";

        var response = await sales.PostAsJsonAsync("/api/customers", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadJsonAsync()).GetProperty("detail").GetString(), Does.Contain("preferredChannel"));
    }

    [Test]
    public async Task Register_WithMalformedJson_Is400()
    {
        using var sales = await App.SalesAsync();
        var response = await sales.PostAsync("/api/customers", new StringContent("{\"firstName\": ", Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Register_WithEmailOfAnotherCustomer_Is409NamingThem()
    {
        using var sales = await App.SalesAsync();
        var first = await sales.CreateCustomerAsync(Requests.NewCustomer(lastName: "Household", email: "family.household@example.com"));

        var response = await sales.PostAsJsonAsync("/api/customers", Requests.NewCustomer(lastName: "Household", email: "Family.Household@Example.com"));
        var problem = await response.ReadJsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("contact-in-use"));
        Assert.That(problem.GetProperty("existingCustomerId").GetGuid(), Is.EqualTo(first.GetProperty("id").GetGuid()));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Dana Household").And.Contain("allowSharedContact"));
    }

    [Test]
    public async Task Register_WithPhoneOfAnotherCustomer_AndSharedContactConfirmed_RecordsTheConfirmation()
    {
        using var sales = await App.SalesAsync();
        await sales.CreateCustomerAsync(Requests.NewCustomer(mobile: "503-555-0188"));
        var body = Requests.NewCustomer(mobile: "+1 503 555 0188");
        Assert.That((await sales.PostAsJsonAsync("/api/customers", body)).StatusCode, Is.EqualTo(HttpStatusCode.Conflict));

        body["allowSharedContact"] = true;
        body["sharedContactNote"] = "Spouse, shares the family phone";
        var second = await sales.CreateCustomerAsync(body);

        Assert.That(second.GetProperty("sharedContactConfirmedAt").ValueKind, Is.Not.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(second.GetProperty("sharedContactNote").GetString(), Is.EqualTo("Spouse, shares the family phone"));
        var confirmedBy = await App.QueryAsync(db => db.Customers.Where(c => c.Id == second.GetProperty("id").GetGuid()).Select(c => c.SharedContactConfirmedBy).SingleAsync());
        var salesId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "sales@demo.local").Select(u => u.Id).SingleAsync());
        Assert.That(confirmedBy, Is.EqualTo(salesId));
    }

    [Test]
    public async Task Register_WithIdempotencyKey_RunsOnce_AndReplaysTheFirstResponse()
    {
        using var sales = await App.SalesAsync();
        var body = Requests.NewCustomer(lastName: "Idempotent");
        var key = Guid.NewGuid().ToString();

        var first = await SendWithKeyAsync(sales, body, key);
        var second = await SendWithKeyAsync(sales, body, key);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.Headers.GetValues("Idempotency-Replayed").Single(), Is.EqualTo("true"));
        Assert.That(first.Headers.Contains("Idempotency-Replayed"), Is.False);
        Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
        Assert.That(await App.QueryAsync(db => db.Customers.CountAsync(c => c.LastName == "Idempotent")), Is.EqualTo(1));
    }

    [Test]
    public async Task Register_WithIdempotencyKeyReusedForADifferentBody_Is422_AndChangesNothing()
    {
        using var sales = await App.SalesAsync();
        var key = Guid.NewGuid().ToString();
        await SendWithKeyAsync(sales, Requests.NewCustomer(lastName: "KeyOwner"), key);

        var response = await SendWithKeyAsync(sales, Requests.NewCustomer(lastName: "KeyThief"), key);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await response.ReadJsonAsync()).GetProperty("detail").GetString(), Does.Contain("different request"));
        Assert.That(await App.QueryAsync(db => db.Customers.CountAsync(c => c.LastName == "KeyThief")), Is.Zero);
    }

    [Test]
    public async Task Register_FailedRequestWithKey_StoresNothing_SoTheCorrectedRetryRuns()
    {
        using var sales = await App.SalesAsync();
        var key = Guid.NewGuid().ToString();
        var body = Requests.NewCustomer(lastName: "Retried");
        body["firstName"] = "";
        Assert.That((await SendWithKeyAsync(sales, body, key)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        // Same key, same (still invalid) body: validated again rather than replayed from a store.
        Assert.That((await SendWithKeyAsync(sales, body, key)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await App.QueryAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key)), Is.Zero);
    }

    [Test]
    public async Task Register_ConcurrentRetriesWithTheSameKey_CreateOneCustomer()
    {
        using var sales = await App.SalesAsync();
        var body = Requests.NewCustomer(lastName: "Concurrent");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SendWithKeyAsync(sales, body, key)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created).Or.EqualTo(HttpStatusCode.Conflict));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.GreaterThanOrEqualTo(1));
        Assert.That(await App.QueryAsync(db => db.Customers.CountAsync(c => c.LastName == "Concurrent")), Is.EqualTo(1));
    }

    private static Task<HttpResponseMessage> SendWithKeyAsync(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/customers") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
