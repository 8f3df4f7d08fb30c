using Dealership.Application.Common;
using Dealership.Application.Data;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Sites;

/// <summary>
/// A manager sets the site's deal rules: sales tax, the state's rule on trade-ins and tax, the days allowed to tell
/// a trade-in's lienholder and to send its payoff, and the cancellation window for delivered deals. Deals already
/// delivered keep the deadlines they were given.
/// </summary>
public static class ChangeDealRules
{
    [Allowed(Access.ManageSite)]
    public sealed record Command(Guid SiteId, int SalesTaxBasisPoints, bool TradeInReducesTax, int LienholderNoticeDays, int PayoffDays, int CancellationWindowDays,
        long? ExpectedVersion = null) : ICommand<ListMySites.DealRulesView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.SalesTaxBasisPoints).InclusiveBetween(0, 2_500).WithMessage("Sales tax is in basis points, 0 to 2500 (725 is 7.25%).");
            RuleFor(c => c.LienholderNoticeDays).InclusiveBetween(1, 60);
            RuleFor(c => c.PayoffDays).InclusiveBetween(1, 60);
            RuleFor(c => c.CancellationWindowDays).InclusiveBetween(0, 30);
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : ICommandHandler<Command, ListMySites.DealRulesView>
    {
        public async ValueTask<ListMySites.DealRulesView> Handle(Command command, CancellationToken cancellationToken)
        {
            var site = await db.Sites.Where(s => staff.SiteIds.Contains(s.Id)).ForChangeAsync(command.SiteId, command.ExpectedVersion, "Site", cancellationToken);
            site.SetDealRules(command.SalesTaxBasisPoints, command.TradeInReducesTax, command.LienholderNoticeDays, command.PayoffDays, command.CancellationWindowDays);
            return new ListMySites.DealRulesView(site.SalesTaxBasisPoints, site.TradeInReducesTax, site.LienholderNoticeDays, site.PayoffDays, site.CancellationWindowDays);
        }
    }
}
