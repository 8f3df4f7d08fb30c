using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Orders;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Sites;

/// <summary>
/// A manager sets how the site takes money: which methods, the cash limit per deal or bill, and the business days
/// a check takes to clear. The delivery and the workshop's payment steps apply them from the next payment.
/// </summary>
public static class ChangePaymentTerms
{
    [Allowed(Access.ManageSite)]
    public sealed record Command(Guid SiteId, IReadOnlyList<PaymentMethod> Accepted, long CashLimit, int CheckClearanceDays, long? ExpectedVersion = null)
        : ICommand<ListMySites.PaymentTermsView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Accepted).NotEmpty().WithMessage("List the ways of paying the site takes, for example [\"card\", \"bankTransfer\", \"check\"].");
            RuleForEach(c => c.Accepted).IsInEnum();
            RuleFor(c => c.CashLimit).InclusiveBetween(0, 100_000_000).WithMessage("The cash limit is in cents, 0 (no cash) to 1,000,000.00.");
            RuleFor(c => c.CheckClearanceDays).InclusiveBetween(1, 15).WithMessage("Checks clear in 1 to 15 business days.");
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : ICommandHandler<Command, ListMySites.PaymentTermsView>
    {
        public async ValueTask<ListMySites.PaymentTermsView> Handle(Command command, CancellationToken cancellationToken)
        {
            var site = await db.Sites.Where(s => staff.SiteIds.Contains(s.Id)).ForChangeAsync(command.SiteId, command.ExpectedVersion, "Site", cancellationToken);
            site.SetPaymentTerms(command.Accepted, command.CashLimit, command.CheckClearanceDays);
            return ListMySites.PaymentTermsView.From(site.PaymentTerms);
        }
    }
}
