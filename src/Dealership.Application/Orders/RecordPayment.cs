using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Orders;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Orders;

/// <summary>Records a payment towards the order (a deposit now, the balance at delivery).</summary>
public static class RecordPayment
{
    [Allowed(Access.WriteOrders)]
    public sealed record Command(Guid OrderId, PaymentMethod Method, MoneyView Amount, string? Reference, PaymentStatus? Status, long? ExpectedVersion = null) : ICommand<OrderView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Method).IsInEnum();
            RuleFor(c => c.Amount).NotNull();
            RuleFor(c => c.Amount.Amount).GreaterThan(0).When(c => c.Amount is not null).WithMessage("The amount is in cents and must be more than zero.");
            RuleFor(c => c.Reference).MaximumLength(100);
            RuleFor(c => c.Status).Must(s => s is null or PaymentStatus.Pending or PaymentStatus.Cleared)
                .WithMessage("A new payment is pending or cleared.");
        }
    }

    public sealed class Handler(OrderAccess access, ICurrentStaff staff, TimeProvider clock, DealershipDbContext db) : ICommandHandler<Command, OrderView>
    {
        public async ValueTask<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await access.LoadForChangeAsync(command.OrderId, command.ExpectedVersion, cancellationToken);
            var status = command.Status ?? (command.Method is PaymentMethod.Cash or PaymentMethod.Card ? PaymentStatus.Cleared : PaymentStatus.Pending);
            // A check or transfer is not cleared on the word of whoever took it: it starts pending, and a manager
            // verifies it with the bank, or records it cleared (SettlePayment).
            if (status == PaymentStatus.Cleared && Payment.NeedsClearing(command.Method) && !staff.IsInRole(StaffRoles.Manager))
            {
                throw new DomainRuleException("Record a check or transfer as pending: a manager verifies it with the bank or marks it cleared, and the balance counts it then.", "clearing-needs-manager");
            }

            // The site's terms: a method it does not take, or cash past its limit for the deal, is refused with what it does take.
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == order.SiteId, cancellationToken);
            var cashSoFar = order.Payments.Where(p => p.Method == PaymentMethod.Cash && p.Status != PaymentStatus.Failed).Sum(p => p.Amount);
            site.PaymentTerms.EnsureAccepted(command.Method, command.Amount.ToMoney(), new Money(cashSoFar, order.Currency));
            order.RecordPayment(command.Method, command.Amount.ToMoney(), command.Reference, status, staff.RequireStaffId(), clock.GetUtcNow().UtcDateTime);
            return await access.ViewAsync(order, cancellationToken);
        }
    }
}
