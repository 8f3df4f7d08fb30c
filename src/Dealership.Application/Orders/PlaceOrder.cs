using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Sites;
using Dealership.Domain.Common;
using Dealership.Domain.Orders;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Orders;

/// <summary>A salesperson places a factory order for a customer at the current site, with the dates promised for each milestone.</summary>
public static class PlaceOrder
{
    [Allowed(Access.WriteOrders)]
    public sealed record Command(
        Guid CustomerId,
        VehicleSpec Vehicle,
        MoneyView Price,
        MoneyView? Fees,
        Guid? OwnerStaffId,
        IReadOnlyDictionary<OrderMilestone, DateOnly>? PromisedDates) : ICommand<OrderView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Vehicle).NotNull();
            RuleFor(c => c.Vehicle.Make).NotEmpty().MaximumLength(50).When(c => c.Vehicle is not null);
            RuleFor(c => c.Vehicle.Model).NotEmpty().MaximumLength(50).When(c => c.Vehicle is not null);
            RuleFor(c => c.Vehicle.Year).InclusiveBetween(clock.GetUtcNow().Year - 1, clock.GetUtcNow().Year + 2).When(c => c.Vehicle is not null)
                .WithMessage("A new-vehicle order is for this or the next model year.");
            RuleFor(c => c.Vehicle.Vin).Must(v => v is null || Domain.Customers.Vin.IsValid(v)).When(c => c.Vehicle is not null)
                .WithMessage("The VIN is not valid (17 characters, no I/O/Q, check digit).");
            RuleFor(c => c.Price).NotNull();
            RuleFor(c => c.Price.Amount).GreaterThan(0).When(c => c.Price is not null).WithMessage("The price is in cents and must be more than zero.");
            RuleFor(c => c.Fees!.Amount).GreaterThanOrEqualTo(0).When(c => c.Fees is not null);
            RuleFor(c => c.PromisedDates).Must(d => d is null || !d.ContainsKey(OrderMilestone.Ordered))
                .WithMessage("'ordered' happens now; promise dates for the later milestones.");
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, SiteContext siteContext, OrderAccess access, TimeProvider clock)
        : ICommandHandler<Command, OrderView>
    {
        public async ValueTask<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var site = await siteContext.GetAsync(cancellationToken);
            if (!string.Equals(command.Price.Currency, site.Currency, StringComparison.Ordinal) || (command.Fees is not null && command.Fees.Currency != site.Currency))
            {
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("price", $"Prices at {site.Name} are in {site.Currency}.")]);
            }

            if (!await db.Customers.AnyAsync(c => c.Id == command.CustomerId, cancellationToken))
            {
                throw new NotFoundException("Customer", command.CustomerId);
            }

            var ownerId = command.OwnerStaffId ?? staff.RequireStaffId();
            if (ownerId != staff.StaffId && !staff.IsInRole(StaffRoles.Manager))
            {
                throw new ForbiddenException("Only a manager can place an order on another salesperson's behalf.");
            }

            var ownerIsSalesHere = await db.StaffSites.AnyAsync(s => s.StaffUserId == ownerId && s.SiteId == site.Id, cancellationToken) &&
                await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                    .AnyAsync(x => x.UserId == ownerId && (x.Name == StaffRoles.Salesperson || x.Name == StaffRoles.Manager), cancellationToken);
            if (!ownerIsSalesHere)
            {
                throw new DomainRuleException($"The owner must be a salesperson or manager at {site.Name}.", "owner-not-sales");
            }

            var vehicle = command.Vehicle with { Vin = command.Vehicle.Vin?.Trim().ToUpperInvariant() };
            var siteToday = DateOnly.FromDateTime(site.ToLocal(clock.GetUtcNow().UtcDateTime));
            foreach (var (milestone, date) in command.PromisedDates ?? new Dictionary<OrderMilestone, DateOnly>())
            {
                VehicleOrder.EnsurePromisable(milestone, date, siteToday);
            }

            var order = new VehicleOrder(site.Id, command.CustomerId, ownerId, vehicle, command.Price.ToMoney(),
                (command.Fees ?? new MoneyView(0, site.Currency)).ToMoney(), command.PromisedDates ?? new Dictionary<OrderMilestone, DateOnly>(),
                clock.GetUtcNow().UtcDateTime);
            db.Orders.Add(order);
            return await access.ViewAsync(order, cancellationToken);
        }
    }
}
