using Dealership.Domain.Common;

namespace Dealership.Domain.Customers;

/// <summary>A vehicle a customer owns, identified by its VIN. Part of the customer aggregate.</summary>
public sealed class Vehicle : Entity
{
    private Vehicle() { }

    internal Vehicle(Guid customerId, string vin, int year, string make, string model, string? trim,
        string? color, int? odometer, DateTime now)
    {
        if (year < 1981 || year > now.Year + 2)
        {
            // 17-character VINs exist from model year 1981; a model year is at most next year's plus one.
            throw new ArgumentException($"Model year must be between 1981 and {now.Year + 2}.", nameof(year));
        }

        if (odometer is < 0)
        {
            throw new ArgumentException("Odometer reading cannot be negative.", nameof(odometer));
        }

        CustomerId = customerId;
        Vin = vin;
        Year = year;
        Make = make.Trim();
        Model = model.Trim();
        Trim = string.IsNullOrWhiteSpace(trim) ? null : trim.Trim();
        Color = string.IsNullOrWhiteSpace(color) ? null : color.Trim();
        Odometer = odometer;
        AddedAt = now;
    }

    public Guid CustomerId { get; private set; }

    public string Vin { get; private set; } = "";

    public int Year { get; private set; }

    public string Make { get; private set; } = "";

    public string Model { get; private set; } = "";

    public string? Trim { get; private set; }

    public string? Color { get; private set; }

    /// <summary>Last known odometer reading, in the unit of the site that recorded it.</summary>
    public int? Odometer { get; private set; }

    public DateTime AddedAt { get; private set; }

    /// <summary>How messages to the customer name the car: "2016 Honda Pilot".</summary>
    public string ShortName => ShortNameOf(Year, Make, Model);

    /// <summary>"2024 Toyota RAV4", for messages and lists that read only these columns.</summary>
    public static string ShortNameOf(int year, string make, string model) =>
        string.Join(' ', year.ToString(System.Globalization.CultureInfo.InvariantCulture), make, model);

    public string Description => Describe(Year, Make, Model, Trim);

    /// <summary>"2024 Toyota RAV4 XLE": the same words wherever a car is named, whether the whole vehicle was read or only these columns.</summary>
    public static string Describe(int year, string make, string model, string? trim) =>
        string.Join(' ', new[] { year.ToString(System.Globalization.CultureInfo.InvariantCulture), make, model, trim }.Where(s => !string.IsNullOrEmpty(s)));
}
