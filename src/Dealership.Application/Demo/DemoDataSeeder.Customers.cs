using System.Globalization;
using Dealership.Application.Data;
using Dealership.Domain.Customers;
using Dealership.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dealership.Application.Demo;

/// <summary>The group's customers, with their cars.</summary>
public sealed partial class DemoDataSeeder
{
    private async Task EnsureCustomersAsync(Site portland, Site boise, Dictionary<string, Guid> owners, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = (await db.Customers.Select(c => c.EmailKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        for (var i = 0; i < DemoCustomers.Length; i++)
        {
            var (first, last, language, channel) = DemoCustomers[i];
            var email = $"{first}.{last}".ToLowerInvariant().Replace(' ', '.').Replace("'", "", StringComparison.Ordinal) + "@example.com";
            if (existing.Contains(email))
            {
                continue;
            }

            var site = i % 3 == 2 ? boise : portland;
            var areaCode = site == boise ? "208" : "503";
            var mobile = string.Create(CultureInfo.InvariantCulture, $"+1{areaCode}55501{i % 100:00}");
            var owner = (i % 4) switch
            {
                0 => owners[StaffRoles.Salesperson],
                1 => owners[StaffRoles.ServiceAdvisor],
                _ => (Guid?)null,
            };
            var customer = new Customer(
                new CustomerDetails(first, last, email, mobile),
                new ContactPreferences(channel, language, site.TimeZoneId,
                    i % 5 == 0 ? new TimeOnly(21, 0) : null, i % 5 == 0 ? new TimeOnly(8, 0) : null,
                    SmsConsent: channel == ContactChannel.Sms || i % 2 == 0, EmailConsent: true,
                    ConsentSource: $"Signed consent form at {site.Code}"),
                owner, site.Id, sharedContact: null, now.AddDays(-400 + (i * 9)));

            var k = 0;
            foreach (var (template, year, make, model, trim, color) in VehiclesFor(i))
            {
                var age = Math.Max(1, now.Year - year);
                customer.AddVehicle(MakeVin(template, year, (i * 10) + k), year, make, model, trim, color,
                    (age * 11_000) + (i * 1_713 % 9_000), now.AddDays(-300 + (i * 7)));
                k++;
            }

            db.Customers.Add(customer);
            added++;
        }

        await db.SaveChangesAsync(ct);
        if (added > 0)
        {
            logger.LogInformation("Seeded {Count} demo customers", added);
        }
    }

    /// <summary>A valid VIN from a manufacturer's first eight characters, a model year and a serial; the check digit is computed.</summary>
    internal static string MakeVin(string firstEight, int year, int serial)
    {
        const string yearCodes = "ABCDEFGHJKLMNPRSTVWXY123456789"; // 2010 = A ... cycles every 30 years
        var yearCode = yearCodes[(year - 2010) % 30];
        var raw = string.Create(CultureInfo.InvariantCulture, $"{firstEight}0{yearCode}A{100000 + (serial * 7919 % 900000):000000}");
        var check = Vin.ComputeCheckDigit(raw);
        return string.Concat(raw.AsSpan(0, 8), check.ToString(), raw.AsSpan(9));
    }

    private static IEnumerable<(string Template, int Year, string Make, string Model, string? Trim, string Color)> VehiclesFor(int i)
    {
        yield return VehicleCatalogue[i % VehicleCatalogue.Length];
        if (i % 4 == 3)
        {
            yield return VehicleCatalogue[(i + 5) % VehicleCatalogue.Length];
        }
    }

    private static readonly (string Template, int Year, string Make, string Model, string? Trim, string Color)[] VehicleCatalogue =
    [
        ("1HGCV1F3", 2021, "Honda", "Accord", "EX-L", "Platinum White"),
        ("1FTFW1E5", 2019, "Ford", "F-150", "XLT", "Magnetic Gray"),
        ("5YJ3E1EA", 2022, "Tesla", "Model 3", "Long Range", "Deep Blue"),
        ("2T1BURHE", 2018, "Toyota", "Corolla", "LE", "Classic Silver"),
        ("1G1ZD5ST", 2020, "Chevrolet", "Malibu", "LT", "Mosaic Black"),
        ("3VW2B7AJ", 2017, "Volkswagen", "Jetta", "SE", "Pure White"),
        ("4T1B11HK", 2023, "Toyota", "Camry", "SE", "Celestial Silver"),
        ("5FNYF6H9", 2016, "Honda", "Pilot", "Touring", "Obsidian Blue"),
        ("1C4RJFAG", 2021, "Jeep", "Grand Cherokee", "Limited", "Velvet Red"),
        ("JM1BPBML", 2024, "Mazda", "Mazda3", "Premium", "Soul Red"),
        ("5N1AT2MV", 2019, "Nissan", "Rogue", "SV", "Gun Metallic"),
        ("1N4BL4DV", 2022, "Nissan", "Altima", "SR", "Scarlet Ember"),
    ];

    private static readonly (string First, string Last, string Language, ContactChannel Channel)[] DemoCustomers =
    [
        ("Olivia", "Bennett", "en", ContactChannel.Sms),
        ("Liam", "Ortiz", "es", ContactChannel.Sms),
        ("Emma", "Sullivan", "en", ContactChannel.Email),
        ("Noah", "Patel", "en", ContactChannel.Sms),
        ("Ava", "Hernandez", "es", ContactChannel.Sms),
        ("Elijah", "Brooks", "en", ContactChannel.Email),
        ("Sophia", "Nguyen", "en", ContactChannel.Sms),
        ("James", "Whitaker", "en", ContactChannel.Sms),
        ("Isabella", "Ramirez", "es", ContactChannel.Email),
        ("Benjamin", "Foster", "en", ContactChannel.Sms),
        ("Mia", "Coleman", "en", ContactChannel.Sms),
        ("Lucas", "Delgado", "es", ContactChannel.Sms),
        ("Charlotte", "Hayes", "en", ContactChannel.Email),
        ("Henry", "Morrison", "en", ContactChannel.Sms),
        ("Amelia", "Castillo", "es", ContactChannel.Sms),
        ("Alexander", "Reed", "en", ContactChannel.Sms),
        ("Harper", "Jensen", "en", ContactChannel.Email),
        ("Daniel", "Vasquez", "es", ContactChannel.Sms),
        ("Evelyn", "Price", "en", ContactChannel.Sms),
        ("Matthew", "Gallagher", "en", ContactChannel.Sms),
        ("Abigail", "Romero", "es", ContactChannel.Email),
        ("Jackson", "Tran", "en", ContactChannel.Sms),
        ("Emily", "Fischer", "en", ContactChannel.Sms),
        ("Sebastian", "Moreno", "es", ContactChannel.Sms),
        ("Elizabeth", "Kowalski", "en", ContactChannel.Email),
        ("David", "Okafor", "en", ContactChannel.Sms),
        ("Sofia", "Guerrero", "es", ContactChannel.Sms),
        ("Joseph", "Lindqvist", "en", ContactChannel.Sms),
        ("Avery", "Mitchell", "en", ContactChannel.Email),
        ("Samuel", "Herrera", "es", ContactChannel.Sms),
        ("Scarlett", "O'Brien", "en", ContactChannel.Sms),
        ("Owen", "Yamamoto", "en", ContactChannel.Sms),
        ("Grace", "Mendoza", "es", ContactChannel.Email),
        ("Wyatt", "Chen", "en", ContactChannel.Sms),
        ("Chloe", "Sandoval", "es", ContactChannel.Sms),
        ("Carter", "Abernathy", "en", ContactChannel.Sms),
    ];
}
