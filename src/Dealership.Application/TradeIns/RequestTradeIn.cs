using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Orders;
using Dealership.Application.Sites;
using Dealership.Domain.Common;
using Dealership.Domain.TradeIns;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.TradeIns;

/// <summary>
/// A salesperson (or the used-car manager) asks for a trade-in's appraisal: the car, its declared condition
/// and any loan on it, against a new-car order or stand-alone. The customer keeps the car meanwhile.
/// </summary>
public static class RequestTradeIn
{
    [Allowed(Access.RequestTradeIns)]
    public sealed record Command(
        Guid CustomerId,
        Guid? OrderId,
        string Vin,
        int Year,
        string Make,
        string Model,
        string? Trim,
        int Mileage,
        ConditionInput Condition,
        LoanInput? Loan) : ICommand<TradeInView>;

    /// <summary>The appraiser's questions, as the customer answered them.</summary>
    public sealed record ConditionInput(bool WarningLights, bool SmokeOrLeaks, bool AccidentHistory, bool RepairsOver500, int Keys, TitleStatus Title);

    /// <summary>The loan on the car: the lender's payoff quote (minor units) and the day it is good until.</summary>
    public sealed record LoanInput(string Lender, string? AccountReference, MoneyView Payoff, MoneyView? PerDiem, DateOnly? GoodUntil);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Vin).Must(v => Domain.Customers.Vin.Normalize(v, out _) is not null)
                .WithMessage(c => Domain.Customers.Vin.Normalize(c.Vin, out var problem) is null ? problem! : "");
            RuleFor(c => c.Year).InclusiveBetween(1981, clock.GetUtcNow().Year + 2).WithMessage("The model year is 1981 or later (17-character VINs began then).");
            RuleFor(c => c.Make).NotEmpty().MaximumLength(50);
            RuleFor(c => c.Model).NotEmpty().MaximumLength(50);
            RuleFor(c => c.Trim).MaximumLength(50);
            RuleFor(c => c.Mileage).InclusiveBetween(0, 2_000_000).WithMessage("The mileage is 0 to 2,000,000.");
            RuleFor(c => c.Condition).NotNull().WithMessage("Answer the condition questions (warning lights, smoke or leaks, accidents, repairs over $500, keys, title).");
            RuleFor(c => c.Condition.Keys).InclusiveBetween(0, 10).When(c => c.Condition is not null).WithMessage("Keys are 0 to 10.");
            RuleFor(c => c.Condition.Title).IsInEnum().When(c => c.Condition is not null);
            RuleFor(c => c.Loan).NotNull().When(c => c.Condition is { Title: TitleStatus.WithLender })
                .WithMessage("The title is with a lender: give the lender and the payoff quote.");
            RuleFor(c => c.Loan!.Lender).NotEmpty().MaximumLength(100).When(c => c.Loan is not null);
            RuleFor(c => c.Loan!.AccountReference).MaximumLength(60).When(c => c.Loan is not null);
            RuleFor(c => c.Loan!.Payoff).NotNull().When(c => c.Loan is not null);
            RuleFor(c => c.Loan!.Payoff.Amount).InclusiveBetween(1, 100_000_000_00).When(c => c.Loan?.Payoff is not null)
                .WithMessage("The payoff is in cents, more than zero.");
            RuleFor(c => c.Loan!.GoodUntil).Must(d => d is null || (d >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-60) && d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(120)))
                .When(c => c.Loan is not null).WithMessage("The payoff quote's good-until date is within the last 60 days or the next 120: check the lender's letter.");
            RuleFor(c => c.Loan!.PerDiem!.Amount).InclusiveBetween(0, 1_000_000).When(c => c.Loan?.PerDiem is not null)
                .WithMessage("The per-diem is in cents, not negative.");
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, SiteContext siteContext, TradeInAccess access, TimeProvider clock)
        : ICommandHandler<Command, TradeInView>
    {
        public async ValueTask<TradeInView> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.Customers.AnyAsync(c => c.Id == command.CustomerId, cancellationToken))
            {
                throw new NotFoundException("Customer", command.CustomerId);
            }

            var site = await siteContext.GetAsync(cancellationToken);
            var siteId = site.Id;
            if (command.OrderId is { } orderId)
            {
                var siteIds = staff.SiteIds.ToList();
                var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId && siteIds.Contains(o.SiteId))
                    .Select(o => new { o.CustomerId, o.SiteId, o.Status, o.CancelledAt, o.OwnerStaffId }).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException("Order", orderId);
                if (!TradeInAccess.ActsForAnyDeal(staff) && order.OwnerStaffId != staff.StaffId)
                {
                    throw new ForbiddenException("This order belongs to another salesperson: ask them or a manager to add the trade-in.");
                }

                if (order.CustomerId != command.CustomerId)
                {
                    throw new DomainRuleException("The order belongs to another customer: a trade-in goes against the buyer's own order.", "order-of-another-customer");
                }

                if (order.CancelledAt is not null || order.Status == Domain.Orders.OrderMilestone.Delivered)
                {
                    throw new DomainRuleException("That order is closed: a trade-in goes against an order still to be delivered.", "order-closed");
                }

                if (await db.TradeIns.AnyAsync(t => t.LiveOrderId == orderId, cancellationToken))
                {
                    throw new DomainRuleException("This order already has a trade-in (declined ones included); withdraw it before adding another.", "trade-in-exists");
                }

                siteId = order.SiteId;
            }

            var loan = command.Loan is { } l
                ? new LoanPayoffQuote(l.Lender, l.AccountReference, EnsureCurrency(l.Payoff, site.Currency), l.PerDiem is null ? 0 : EnsureCurrency(l.PerDiem, site.Currency), l.GoodUntil)
                : null;
            var vin = Domain.Customers.Vin.Normalize(command.Vin, out _)!;
            var sameCar = await db.TradeIns.AsNoTracking()
                .Where(t => t.LiveVin == vin)
                .Select(t => new { t.Status, t.CustomerId }).FirstOrDefaultAsync(cancellationToken);
            if (sameCar is not null)
            {
                throw new DomainRuleException(sameCar.Status == TradeInStatus.Received
                    ? "A car with this VIN is already in our hands as a trade-in: check the VIN (and the custody register)."
                    : sameCar.CustomerId == command.CustomerId
                        ? "This car already has a trade-in in progress: open it instead of starting another."
                        : "A car with this VIN is already in progress as another customer's trade-in: check the VIN.", "trade-in-vin-in-use");
            }

            var tradeIn = new TradeIn(siteId, command.CustomerId, command.OrderId, staff.RequireStaffId(),
                new TradeInVehicle(vin, command.Year, command.Make.Trim(), command.Model.Trim(), string.IsNullOrWhiteSpace(command.Trim) ? null : command.Trim.Trim()),
                command.Mileage, new DeclaredCondition(command.Condition.WarningLights, command.Condition.SmokeOrLeaks, command.Condition.AccidentHistory,
                    command.Condition.RepairsOver500, command.Condition.Keys, command.Condition.Title),
                loan, site.Currency, clock.GetUtcNow().UtcDateTime);
            db.TradeIns.Add(tradeIn);
            return await access.ViewAsync(tradeIn, cancellationToken);
        }

        private static long EnsureCurrency(MoneyView money, string currency) =>
            money.Currency == currency
                ? money.Amount
                : throw new ValidationException([new FluentValidation.Results.ValidationFailure("loan", $"Amounts at this site are in {currency}.")]);
    }
}
