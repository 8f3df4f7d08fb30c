using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Bogus;

namespace Dealership.IntegrationTests;

/// <summary>
/// Builders that make what a test needs through the API, as staff would: a customer of its own (never a demo
/// customer by name), their car, and a booked visit. Names and cars are random (Bogus) but always valid.
/// </summary>
internal static class Arrange
{
    private static readonly Faker Faker = new("en_US");

    public sealed record CustomerWithCar(Guid CustomerId, Guid VehicleId, string FirstName, string LastName, string MobilePhone, string Email);

    /// <summary>A customer registered by the demo salesperson, with one car; texts by default.</summary>
    public static async Task<CustomerWithCar> CustomerWithCarAsync(DealershipApp app, string language = "en", string channel = "sms")
    {
        ArgumentNullException.ThrowIfNull(app);
        using var sales = await app.SalesAsync();
        var owner = await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Users.Where(u => u.Email == "sales@demo.local").Select(u => u.Id)));
        for (var attempt = 0; ; attempt++)
        {
            var first = Faker.Name.FirstName();
            var last = Faker.Name.LastName();
            // 555-0100..0199 are the numbers set aside for fiction; a clash with an earlier one is simply tried again.
            var mobile = string.Create(CultureInfo.InvariantCulture, $"503-555-01{Faker.Random.Int(0, 99):D2}");
            var email = $"{first}.{last}.{Guid.NewGuid():N}"[..40].ToLowerInvariant() + "@example.com";
            var response = await sales.PostAsJsonAsync("/api/customers", new Dictionary<string, object?>
            {
                ["ownerStaffId"] = owner, ["firstName"] = first, ["lastName"] = last, ["email"] = email, ["mobilePhone"] = mobile,
                ["preferredChannel"] = channel, ["smsConsent"] = true, ["emailConsent"] = true, ["language"] = language,
            });
            if (response.StatusCode == HttpStatusCode.Conflict && attempt < 20)
            {
                continue;
            }

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            var customer = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
            var car = Faker.PickRandom(Cars);
            var vehicle = await sales.PostAsJsonAsync($"/api/customers/{customer}/vehicles",
                new { vin = Requests.NewVin(), year = car.Year, make = car.Make, model = car.Model, odometer = Faker.Random.Int(5_000, 120_000) });
            Assert.That(vehicle.StatusCode, Is.EqualTo(HttpStatusCode.Created), await vehicle.Content.ReadAsStringAsync());
            return new CustomerWithCar(customer, (await vehicle.ReadJsonAsync()).GetProperty("id").GetGuid(), first, last, mobile, email);
        }
    }

    /// <summary>
    /// A factory order for the customer, placed by the demo salesperson with these promised dates (milestone
    /// name → days from today), then moved through <paramref name="reached"/> milestones as they happen.
    /// </summary>
    public static async Task<Guid> OrderAsync(DealershipApp app, CustomerWithCar who, IReadOnlyDictionary<string, int> promisedInDays, params string[] reached)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(promisedInDays);
        using var sales = await app.SalesAsync();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var placed = await sales.PostAsJsonAsync("/api/orders", new
        {
            customerId = who.CustomerId,
            vehicle = new { year = 2027, make = "Toyota", model = "RAV4", trim = "XLE Hybrid", color = Faker.Commerce.Color() },
            price = new { amount = 3_650_000, currency = "USD" },
            fees = new { amount = 89_500, currency = "USD" },
            promisedDates = promisedInDays.ToDictionary(p => p.Key, p => today.AddDays(p.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        });
        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Created), await placed.Content.ReadAsStringAsync());
        var id = (await placed.ReadJsonAsync()).GetProperty("id").GetGuid();
        foreach (var milestone in reached)
        {
            var recorded = await sales.PostAsJsonAsync($"/api/orders/{id}/milestones", new { milestone });
            Assert.That(recorded.StatusCode, Is.EqualTo(HttpStatusCode.OK), await recorded.Content.ReadAsStringAsync());
        }

        return id;
    }

    private static readonly (int Year, string Make, string Model)[] Cars =
        [(2019, "Honda", "Accord"), (2021, "Toyota", "RAV4"), (2018, "Ford", "F-150"), (2020, "Subaru", "Outback"), (2017, "Mazda", "CX-5")];
}
