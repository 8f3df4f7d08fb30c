using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Orders;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.TradeIns;

/// <summary>
/// The payoff of the traded-in car's loan left the dealer, with the reference the lender sees. The customer is
/// told (and the "payoff sent by" promise is kept or broken); interest beyond the quote in their deal is the dealer's.
/// </summary>
public static class RecordPayoffSent
{
    [Allowed(Access.ManageTradeIns)]
    public sealed record Command(Guid TradeInId, MoneyView Amount, string Reference, long? ExpectedVersion = null) : ICommand<TradeInView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Amount).NotNull();
            RuleFor(c => c.Amount.Amount).InclusiveBetween(1, 100_000_000_00).When(c => c.Amount is not null).WithMessage("The amount is in cents, more than zero.");
            RuleFor(c => c.Reference).NotEmpty().MaximumLength(100).WithMessage("Give the payment reference the lender will see.");
        }
    }

    public sealed class Handler(DealershipDbContext db, TradeInAccess access, TimeProvider clock) : ICommandHandler<Command, TradeInView>
    {
        public async ValueTask<TradeInView> Handle(Command command, CancellationToken cancellationToken)
        {
            var tradeIn = await access.LoadForChangeAsync(command.TradeInId, command.ExpectedVersion, cancellationToken);
            if (command.Amount.Currency != tradeIn.Currency)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("amount", $"Amounts are in {tradeIn.Currency}.")]);
            }

            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == tradeIn.SiteId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            tradeIn.RecordPayoffSent(command.Amount.Amount, command.Reference, DateOnly.FromDateTime(site.ToLocal(now)), now);
            return await access.ViewAsync(tradeIn, cancellationToken);
        }
    }
}
