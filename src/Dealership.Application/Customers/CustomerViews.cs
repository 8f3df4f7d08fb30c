using Dealership.Domain.Customers;
using Riok.Mapperly.Abstractions;

namespace Dealership.Application.Customers;

/// <summary>A customer as the API and the customer page show it.</summary>
public sealed record CustomerView(
    Guid Id,
    string FirstName,
    string LastName,
    string? Email,
    string? MobilePhone,
    ContactChannel PreferredChannel,
    string Language,
    string TimeZoneId,
    TimeOnly? QuietHoursStart,
    TimeOnly? QuietHoursEnd,
    bool SmsConsent,
    DateTime? SmsConsentChangedAt,
    string? SmsConsentSource,
    bool EmailConsent,
    DateTime? EmailConsentChangedAt,
    string? EmailConsentSource,
    Guid? OwnerStaffId,
    Guid RegisteredAtSiteId,
    DateTime? SharedContactConfirmedAt,
    string? SharedContactNote,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version)
{
    /// <summary>Who looks after the customer, by name (filled in when one customer is read).</summary>
    public string? OwnerName { get; init; }

    /// <summary>The site the customer was registered at, by name (filled in when one customer is read).</summary>
    public string? RegisteredAtSiteName { get; init; }
}

/// <summary>One row of a customer search result.</summary>
public sealed record CustomerSummary(
    Guid Id,
    string FirstName,
    string LastName,
    string? Email,
    string? MobilePhone,
    ContactChannel PreferredChannel,
    int VehicleCount);

public sealed record VehicleView(
    Guid Id,
    Guid CustomerId,
    string Vin,
    int Year,
    string Make,
    string Model,
    string? Trim,
    string? Color,
    int? Odometer,
    DateTime AddedAt);

/// <summary>Compile-time generated mappings: a property added to a view without a source is a build error.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class CustomerMapper
{
    [MapperIgnoreSource(nameof(Customer.Vehicles))]
    [MapperIgnoreSource(nameof(Customer.DomainEvents))]
    [MapperIgnoreSource(nameof(Customer.FirstNameKey))]
    [MapperIgnoreSource(nameof(Customer.LastNameKey))]
    [MapperIgnoreSource(nameof(Customer.EmailKey))]
    [MapperIgnoreSource(nameof(Customer.FullName))]
    [MapperIgnoreSource(nameof(Customer.SharedContactConfirmedBy))]
    [MapperIgnoreTarget(nameof(CustomerView.OwnerName))]
    [MapperIgnoreTarget(nameof(CustomerView.RegisteredAtSiteName))]
    public static partial CustomerView ToView(this Customer customer);

    [MapperIgnoreSource(nameof(Vehicle.Description))]
    public static partial VehicleView ToView(this Vehicle vehicle);

    public static partial IQueryable<VehicleView> ProjectToView(this IQueryable<Vehicle> vehicles);
}
