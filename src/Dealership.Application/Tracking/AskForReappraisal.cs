using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tracking;

/// <summary>The customer asks for a new appraisal from their page (an expired or declined offer); the used-car manager's queue gets it back.</summary>
public static class AskForReappraisal
{
    [Allowed(Access.CustomerLink)]
    public sealed record Command(string Token, Guid TradeInId, string? Note) : ICommand<bool>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Note).MaximumLength(500);
    }

    public sealed class Handler(DealershipDbContext db, TradeIns.TradeInAccess access, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var customerId = await CustomerLink.ResolveAsync(db, command.Token, now, cancellationToken);
            var tradeIn = await db.TradeIns.FirstOrDefaultAsync(t => t.Id == command.TradeInId && t.CustomerId == customerId, cancellationToken)
                ?? throw new NotFoundException("This link is not valid.");
            // From their page a customer asks again about an offer they declined or that is still open (expired or not);
            // an accepted offer is a deal: changing it goes through staff.
            if (tradeIn.Status is not (Domain.TradeIns.TradeInStatus.Declined or Domain.TradeIns.TradeInStatus.Offered))
            {
                throw new DomainRuleException("You accepted this offer; to change anything, reply to our messages and we will help.", "reappraisal-not-possible");
            }

            await access.EnsureDealOpenAsync(tradeIn, cancellationToken);
            tradeIn.RequestReappraisal(command.Note, now);
            return true;
        }
    }
}
