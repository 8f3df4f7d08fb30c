using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dealership.IntegrationTests;

public sealed class CustomerSearchTests
{
    private DealershipApp _app = null!;
    private Guid _zelda;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new DealershipApp();
        await _app.InitializeAsync();
        using var sales = await _app.SalesAsync();
        var body = Requests.NewCustomer(lastName: "Quixotic", email: "zelda.quixotic@example.com", mobile: "(503) 555-0199");
        body["firstName"] = "Zelda";
        var zelda = await sales.CreateCustomerAsync(body);
        _zelda = zelda.GetProperty("id").GetGuid();
        await sales.PostAsJsonAsync($"/api/customers/{_zelda}/vehicles", new { vin = "5YJ3E1EA0KF000316", year = 2019, make = "Tesla", model = "Model 3" });
        for (var i = 0; i < 7; i++)
        {
            await sales.CreateCustomerAsync(Requests.NewCustomer(lastName: $"Pagination{i}"));
        }
    }

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    private async Task<JsonElement> SearchAsync(string query)
    {
        using var sales = await _app.SalesAsync();
        var response = await sales.GetAsync($"/api/customers?search={Uri.EscapeDataString(query)}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.ReadJsonAsync();
    }

    [TestCase("quix")]
    [TestCase("QUIXOTIC")]
    [TestCase("zel qui")]
    [TestCase("zelda.quixotic@")]
    [TestCase("503-555-0199")]
    [TestCase("+15035550199")]
    [TestCase("5YJ3E1EA0")]
    [TestCase("5yj3e1ea0kf000316")]
    public async Task Search_FindsTheCustomerByWhatStaffHaveInHand(string query)
    {
        var result = await SearchAsync(query);
        var ids = result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.That(ids, Does.Contain(_zelda));
        Assert.That(result.GetProperty("total").GetInt32(), Is.EqualTo(ids.Count));
    }

    [TestCase("zel smith")]
    [TestCase("nobody-by-this-name")]
    public async Task Search_DoesNotFindWhatDoesNotMatch(string query)
    {
        var result = await SearchAsync(query);
        Assert.That(result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), Does.Not.Contain(_zelda));
    }

    [Test]
    public async Task Search_IsPaged_WithTotal()
    {
        using var sales = await _app.SalesAsync();
        var page1 = await (await sales.GetAsync("/api/customers?search=pagination&page=1&pageSize=3")).ReadJsonAsync();
        var page3 = await (await sales.GetAsync("/api/customers?search=pagination&page=3&pageSize=3")).ReadJsonAsync();

        Assert.That(page1.GetProperty("total").GetInt32(), Is.EqualTo(7));
        Assert.That(page1.GetProperty("items").GetArrayLength(), Is.EqualTo(3));
        Assert.That(page1.GetProperty("items")[0].GetProperty("lastName").GetString(), Is.EqualTo("Pagination0"));
        Assert.That(page3.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
        Assert.That(page3.GetProperty("items")[0].GetProperty("lastName").GetString(), Is.EqualTo("Pagination6"));
    }

    [Test]
    public async Task Search_CountsEachFoundCustomersVehicles_OnTheirOwnRows()
    {
        // The counts come from a second query over the page's customers: each must land on its own row of a longer page.
        using var sales = await _app.SalesAsync();
        var two = await sales.CreateCustomerAsync(Requests.NewCustomer(lastName: "Vehiclecount Two"));
        var none = await sales.CreateCustomerAsync(Requests.NewCustomer(lastName: "Vehiclecount None"));
        var twoId = two.GetProperty("id").GetGuid();
        foreach (var year in new[] { 2018, 2021 })
        {
            var added = await sales.PostAsJsonAsync($"/api/customers/{twoId}/vehicles", new { vin = Requests.NewVin(), year, make = "Honda", model = "Civic" });
            Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created), await added.Content.ReadAsStringAsync());
        }

        var rows = (await (await sales.GetAsync("/api/customers?search=vehiclecount")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetGuid(), i => i.GetProperty("vehicleCount").GetInt32());
        var zelda = (await SearchAsync("quixotic")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == _zelda);

        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows[twoId], Is.EqualTo(2));
        Assert.That(rows[none.GetProperty("id").GetGuid()], Is.EqualTo(0));
        Assert.That(zelda.GetProperty("vehicleCount").GetInt32(), Is.EqualTo(1));
    }

    [TestCase("pageSize=201")]
    [TestCase("pageSize=0")]
    [TestCase("page=0")]
    public async Task Search_WithPagingOutOfRange_Is400(string query)
    {
        using var sales = await _app.SalesAsync();
        var response = await sales.GetAsync($"/api/customers?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Search_WithNonNumericPage_Is400()
    {
        using var sales = await _app.SalesAsync();
        var response = await sales.GetAsync("/api/customers?page=abc");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
