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
        IReadOnlyDictionary<OrderMilestone, DateOnly>? PromisedDates,
        IReadOnlyList<FeeItem>? FeeItems = null) : ICommand<OrderView>;

    /// <summary>One fee, itemised: documentation, registrationAndTitle or accessories (accessories are taxed with the price).</summary>
    public sealed record FeeItem(FeeKind Kind, MoneyView Amount);

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
            RuleFor(c => c.FeeItems).Must(f => f is null || f.Count <= 10).WithMessage("At most 10 fee items.");
            RuleForEach(c => c.FeeItems).ChildRules(fee =>
            {
                fee.RuleFor(f => f.Kind).IsInEnum();
                fee.RuleFor(f => f.Amount).NotNull();
                fee.RuleFor(f => f.Amount.Amount).InclusiveBetween(0, 10_000_000_00).When(f => f.Amount is not null).WithMessage("A fee is in cents, not negative.");
            });
            RuleFor(c => c).Must(c => c.FeeItems is not { Count: > 0 } || c.Fees is null || c.Fees.Amount == c.FeeItems.Sum(f => f.Amount?.Amount ?? 0))
                .WithName("fees").WithMessage("Give either the fees as one amount or itemised (feeItems); when both, they must agree.");
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

            if (command.FeeItems?.Any(f => f.Amount.Currency != site.Currency) == true)
            {
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("feeItems", $"Prices at {site.Name} are in {site.Currency}.")]);
            }

            var items = command.FeeItems is { Count: > 0 } ? command.FeeItems.Select(f => (f.Kind, f.Amount.Amount)).ToList() : null;
            var fees = items is null ? (command.Fees ?? new MoneyView(0, site.Currency)).ToMoney() : new Money(items.Sum(i => i.Amount), site.Currency);
            var order = new VehicleOrder(site.Id, command.CustomerId, ownerId, vehicle, command.Price.ToMoney(), fees,
                command.PromisedDates ?? new Dictionary<OrderMilestone, DateOnly>(), clock.GetUtcNow().UtcDateTime, items);
            db.Orders.Add(order);
            return await access.ViewAsync(order, cancellationToken);
        }
    }
}
