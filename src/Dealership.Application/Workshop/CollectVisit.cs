using Dealership.Application.Common;
using Dealership.Application.Custody;
using Dealership.Application.Orders;
using Dealership.Domain.Common;
using Dealership.Domain.Orders;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Workshop;

/// <summary>
/// The customer collects: the payment (method, amount, reference) and the release of their car and keys from
/// custody, in one transaction, with a receipt. Refused without full, cleared payment, saying what is missing.
/// </summary>
public static class CollectVisit
{
    /// <param name="Pending">A cheque or transfer not yet cleared: recorded as refused, the car waits.</param>
    [Allowed(Access.WriteService)]
    public sealed record Command(Guid AppointmentId, PaymentMethod Method, MoneyView Amount, string? Reference, bool Pending, string? CollectedBy, long? ExpectedVersion)
        : ICommand<WorkshopVisitView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Method).IsInEnum().NotEqual(PaymentMethod.LenderFunding).WithMessage("Pay by cash, card, check, companyCheck, cashiersCheck or bankTransfer.");
            RuleFor(c => c.Amount).NotNull().WithMessage("Enter the amount paid.");
            RuleFor(c => c.Amount.Amount).GreaterThanOrEqualTo(0).When(c => c.Amount is not null).WithMessage("The amount cannot be negative.");
            RuleFor(c => c.Amount.Currency).Matches("^[A-Z]{3}$").When(c => c.Amount is not null).WithMessage("Currency is a three-letter code such as USD.");
            RuleFor(c => c.Reference).MaximumLength(100);
            RuleFor(c => c.CollectedBy).MaximumLength(120);
        }
    }

    public sealed class Handler(WorkshopAccess access, WorkshopBills bills, CustodyRegister custody, WorkshopViews views, ICurrentStaff staff, TimeProvider clock,
        Data.DealershipDbContext db) : ICommandHandler<Command, WorkshopVisitView>
    {
        public async ValueTask<WorkshopVisitView> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await access.LoadAsync(command.AppointmentId, command.ExpectedVersion, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var bill = await bills.ForAsync(visit, cancellationToken);
            var by = staff.RequireStaffId();
            // The site's terms first: a method it does not take, or cash above its limit, is refused with what it does take.
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == visit.SiteId, cancellationToken);
            site.PaymentTerms.EnsureAccepted(command.Method, new Money(command.Amount.Amount, command.Amount.Currency), Money.Zero(site.Currency));
            visit.Collect(new Money(bill.Total, bill.Currency), new Money(command.Amount.Amount, command.Amount.Currency), command.Method.ToString(), command.Pending,
                command.Reference, by, now);
            await custody.ReleaseAsync(CustodyRegister.VisitSubject, visit.Id,
                string.IsNullOrWhiteSpace(command.CollectedBy) ? "the customer" : command.CollectedBy.Trim(), by, now, cancellationToken);
            return await views.OneAsync(visit, cancellationToken);
        }
    }
}
