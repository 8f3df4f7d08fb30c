using Dealership.Application.Common;
using Dealership.Application.Orders;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.TradeIns;

/// <summary>A new payoff quote from the lender, when the old one expired before the payoff was sent.</summary>
public static class UpdatePayoffQuote
{
    [Allowed(Access.ManageTradeIns)]
    public sealed record Command(Guid TradeInId, MoneyView Payoff, MoneyView? PerDiem, DateOnly GoodUntil, long? ExpectedVersion = null) : ICommand<TradeInView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Payoff).NotNull();
            RuleFor(c => c.Payoff.Amount).InclusiveBetween(1, 100_000_000_00).When(c => c.Payoff is not null).WithMessage("The payoff is in cents, more than zero.");
            RuleFor(c => c.PerDiem!.Amount).InclusiveBetween(0, 1_000_000).When(c => c.PerDiem is not null);
        }
    }

    public sealed class Handler(Data.DealershipDbContext db, TradeInAccess access, TimeProvider clock) : ICommandHandler<Command, TradeInView>
    {
        public async ValueTask<TradeInView> Handle(Command command, CancellationToken cancellationToken)
        {
            var tradeIn = await access.LoadForChangeAsync(command.TradeInId, command.ExpectedVersion, cancellationToken);
            if (command.Payoff.Currency != tradeIn.Currency || (command.PerDiem is not null && command.PerDiem.Currency != tradeIn.Currency))
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("payoff", $"Amounts are in {tradeIn.Currency}.")]);
            }

            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == tradeIn.SiteId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            tradeIn.UpdatePayoffQuote(command.Payoff.Amount, command.PerDiem?.Amount ?? 0, command.GoodUntil, DateOnly.FromDateTime(site.ToLocal(now)), now);
            return await access.ViewAsync(tradeIn, cancellationToken);
        }
    }
}
