using System.Text.Json.Serialization;
using Dealership.Application.Customers;
using Dealership.Domain.Customers;
using Dealership.Web.Security;
using Mediator;

namespace Dealership.Web.Api;

/// <summary>/api/customers: register, read, search, contact preferences, vehicles. Everyone reads; parts clerks do not edit.</summary>
public static class CustomersApi
{
    /// <summary>Body of PUT /api/customers/{id}/contact-preferences (the id comes from the route, the version from If-Match).</summary>
    public sealed record ContactPreferencesBody(
        [property: JsonRequired] ContactChannel PreferredChannel,
        string? Language,
        string? TimeZoneId,
        TimeOnly? QuietHoursStart,
        TimeOnly? QuietHoursEnd,
        [property: JsonRequired] bool SmsConsent,
        [property: JsonRequired] bool EmailConsent,
        string? ConsentSource);

    public sealed record DetailsBody(string FirstName, string LastName, string? Email, string? MobilePhone, bool AllowSharedContact);

    public sealed record VehicleBody(string Vin, int Year, string Make, string Model, string? Trim, string? Color, int? Odometer);

    public sealed record ContactBody([property: JsonRequired] Dealership.Application.Journey.LogContact.ContactKind Kind, [property: JsonRequired] bool FromCustomer, string? Summary);

    public static void MapCustomersApi(this IEndpointRouteBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers").RequireAuthorization(Policies.Staff);

        customers.MapPost("/", async (RegisterCustomer.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var customer = await mediator.Send(command, ct);
                return ETags.With(TypedResults.Created($"/api/customers/{customer.Id}", customer), customer.Version);
            })
            .RequireAuthorization(Policies.EditCustomers)
            .WithSummary("Register a customer. Email or mobile already in use is a 409 naming the existing customer, unless allowSharedContact is true.");

        customers.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var customer = await mediator.Send(new GetCustomer.Query(id), ct);
                ETags.Set(response, customer.Version);
                return TypedResults.Ok(customer);
            })
            .WithSummary("One customer, with an ETag for optimistic concurrency.");

        customers.MapGet("/", async (string? search, [AsParameters] PageRequest paging, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SearchCustomers.Query(search, paging.Number, paging.Size), ct)))
            .WithSummary("Search by name, email, phone or VIN; paged (?page=1&pageSize=50, at most 200).");

        customers.MapPut("/{id:guid}/contact-preferences", async (Guid id, ContactPreferencesBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var command = new UpdateContactPreferences.Command(id, body.PreferredChannel, body.Language, body.TimeZoneId,
                    body.QuietHoursStart, body.QuietHoursEnd, body.SmsConsent, body.EmailConsent, body.ConsentSource, ETags.ReadIfMatch(request));
                var customer = await mediator.Send(command, ct);
                return ETags.With(TypedResults.Ok(customer), customer.Version);
            })
            .RequireAuthorization(Policies.EditCustomers)
            .WithSummary("Change channel, language, time zone, quiet hours and consent. Send If-Match with the ETag you read; a stale one gets 412.");

        customers.MapPut("/{id:guid}/contact-details", async (Guid id, DetailsBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var customer = await mediator.Send(new UpdateCustomerDetails.Command(id, body.FirstName, body.LastName, body.Email, body.MobilePhone,
                    body.AllowSharedContact, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(customer), customer.Version);
            })
            .RequireAuthorization(Policies.EditCustomers)
            .WithSummary("Correct name, email or mobile; a contact used by another customer is 409 unless allowSharedContact.");

        customers.MapPost("/{id:guid}/vehicles", async (Guid id, VehicleBody body, IMediator mediator, CancellationToken ct) =>
            {
                var vehicle = await mediator.Send(new AddVehicle.Command(id, body.Vin, body.Year, body.Make, body.Model, body.Trim, body.Color, body.Odometer), ct);
                return TypedResults.Created($"/api/customers/{id}/vehicles/{vehicle.Id}", vehicle);
            })
            .RequireAuthorization(Policies.EditCustomers)
            .WithSummary("Add a vehicle. The VIN is validated (17 characters, no I/O/Q, North-American check digit).");

        customers.MapPost("/{id:guid}/contacts", async (Guid id, ContactBody body, IMediator mediator, CancellationToken ct) =>
            {
                var touchpoint = await mediator.Send(new Dealership.Application.Journey.LogContact.Command(id, body.Kind, body.FromCustomer, body.Summary ?? ""), ct);
                return TypedResults.Created($"/api/customers/{id}/journey", new { id = touchpoint });
            })
            .RequireAuthorization(Policies.EditCustomers)
            .WithSummary("Log a call or a visit that happened outside the system (who reached whom, and what about); it lands on the customer's timeline.");

        customers.MapGet("/{id:guid}/vehicles", async (Guid id, [AsParameters] PageRequest paging, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListVehicles.Query(id, paging.Number, paging.Size), ct)))
            .WithSummary("The customer's vehicles, paged.");
    }
}
