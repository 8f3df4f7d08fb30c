using System.Net;
using System.Net.Http.Json;

namespace Dealership.IntegrationTests;

public sealed class VehicleTests : SharedAppTests
{
    private static object Vehicle(string vin, int year = 2021) => new { vin, year, make = "Honda", model = "Accord", trim = "EX-L", color = "Silver", odometer = 24_500 };

    [Test]
    public async Task AddVehicle_WithValidVin_IsListedOnTheCustomer()
    {
        using var sales = await App.SalesAsync();
        var id = (await sales.CreateCustomerAsync(Requests.NewCustomer())).GetProperty("id").GetGuid();

        var response = await sales.PostAsJsonAsync($"/api/customers/{id}/vehicles", Vehicle(" 1hgcm82633a004352 ", 2003));
        var list = await (await sales.GetAsync($"/api/customers/{id}/vehicles")).ReadJsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var storedId = list.GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.That((await response.ReadJsonAsync()).GetProperty("id").GetGuid(), Is.EqualTo(storedId).And.Not.EqualTo(Guid.Empty), "the answer names the stored vehicle");
        Assert.That(response.Headers.Location!.ToString(), Does.EndWith(storedId.ToString()));
        Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(1));
        Assert.That(list.GetProperty("items")[0].GetProperty("vin").GetString(), Is.EqualTo("1HGCM82633A004352"));
        Assert.That(list.GetProperty("pageSize").GetInt32(), Is.EqualTo(50));
    }

    [TestCase("1HGCM82633A00435", "17 characters")]
    [TestCase("1HGCM82633A0O4352", "I, O or Q")]
    [TestCase("1HGCM82653A004352", "check digit")]
    public async Task AddVehicle_WithInvalidVin_Is400SayingWhatIsWrong(string vin, string expected)
    {
        using var sales = await App.SalesAsync();
        var id = (await sales.CreateCustomerAsync(Requests.NewCustomer())).GetProperty("id").GetGuid();

        var response = await sales.PostAsJsonAsync($"/api/customers/{id}/vehicles", Vehicle(vin));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadJsonAsync()).GetProperty("errors").GetProperty("vin")[0].GetString(), Does.Contain(expected));
        var list = await (await sales.GetAsync($"/api/customers/{id}/vehicles")).ReadJsonAsync();
        Assert.That(list.GetProperty("total").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task AddVehicle_RegisteredToAnotherCustomer_Is409NamingThem()
    {
        using var sales = await App.SalesAsync();
        var owner = await sales.CreateCustomerAsync(Requests.NewCustomer(lastName: "Firstowner"));
        var other = await sales.CreateCustomerAsync(Requests.NewCustomer());
        Assert.That((await sales.PostAsJsonAsync($"/api/customers/{owner.GetProperty("id").GetGuid()}/vehicles", Vehicle("11111111111111111", 2001))).StatusCode,
            Is.EqualTo(HttpStatusCode.Created));

        var response = await sales.PostAsJsonAsync($"/api/customers/{other.GetProperty("id").GetGuid()}/vehicles", Vehicle("11111111111111111", 2001));
        var problem = await response.ReadJsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Firstowner"));
        Assert.That(problem.GetProperty("existingCustomerId").GetGuid(), Is.EqualTo(owner.GetProperty("id").GetGuid()));
    }

    [Test]
    public async Task AddVehicle_ToUnknownCustomer_Is404()
    {
        using var sales = await App.SalesAsync();
        var response = await sales.PostAsJsonAsync($"/api/customers/{Guid.NewGuid()}/vehicles", Vehicle("1HGCM82633A004352"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task AddVehicle_AsPartsClerk_Is403()
    {
        using var sales = await App.SalesAsync();
        using var parts = await App.PartsAsync();
        var id = (await sales.CreateCustomerAsync(Requests.NewCustomer())).GetProperty("id").GetGuid();
        var response = await parts.PostAsJsonAsync($"/api/customers/{id}/vehicles", Vehicle("1HGCM82633A004352"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
