using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Customers;

/// <summary>Adds a vehicle the customer owns. The VIN is checked (length, letters, check digit) and must not be on another customer's record.</summary>
public static class AddVehicle
{
    [Allowed(Access.EditCustomers)]
    public sealed record Command(Guid CustomerId, string Vin, int Year, string Make, string Model, string? Trim, string? Color, int? Odometer)
        : ICommand<VehicleView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Vin).Custom((vin, context) =>
            {
                if (Domain.Customers.Vin.Normalize(vin, out var problem) is null)
                {
                    context.AddFailure(problem!);
                }
            });
            RuleFor(c => c.Year).InclusiveBetween(1981, clock.GetUtcNow().Year + 2)
                .WithMessage("Model year must be between 1981 (the first 17-character VINs) and next year plus one.");
            RuleFor(c => c.Make).NotEmpty().MaximumLength(50);
            RuleFor(c => c.Model).NotEmpty().MaximumLength(50);
            RuleFor(c => c.Trim).MaximumLength(50);
            RuleFor(c => c.Color).MaximumLength(30);
            RuleFor(c => c.Odometer).GreaterThanOrEqualTo(0).LessThan(2_000_000);
        }
    }

    public sealed class Handler(DealershipDbContext db, TimeProvider clock) : ICommandHandler<Command, VehicleView>
    {
        public async ValueTask<VehicleView> Handle(Command command, CancellationToken cancellationToken)
        {
            var customer = await db.Customers.Include(c => c.Vehicles).FirstOrDefaultAsync(c => c.Id == command.CustomerId, cancellationToken)
                ?? throw new NotFoundException("Customer", command.CustomerId);
            var vin = Domain.Customers.Vin.Normalize(command.Vin, out _)!;
            var holder = await db.Vehicles.AsNoTracking()
                .Where(v => v.Vin == vin && v.CustomerId != customer.Id)
                .Join(db.Customers, v => v.CustomerId, c => c.Id, (v, c) => new { c.Id, Name = c.FirstName + " " + c.LastName })
                .FirstOrDefaultAsync(cancellationToken);
            if (holder is not null)
            {
                var error = new DomainRuleException(
                    $"Vehicle {vin} is registered to customer {holder.Name} ({holder.Id}). Check the VIN, or record a change of ownership on that customer.",
                    "vin-registered-elsewhere");
                error.Facts["existingCustomerId"] = holder.Id;
                throw error;
            }

            var vehicle = customer.AddVehicle(vin, command.Year, command.Make, command.Model, command.Trim, command.Color,
                command.Odometer, clock.GetUtcNow().UtcDateTime);
            db.AssignKeys();
            return vehicle.ToView();
        }
    }
}
