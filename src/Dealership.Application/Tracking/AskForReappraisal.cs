using Dealership.Application.Common;
using Dealership.Application.Data;
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

    public sealed class Handler(DealershipDbContext db, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var customerId = await CustomerLink.ResolveAsync(db, command.Token, now, cancellationToken);
            var tradeIn = await db.TradeIns.FirstOrDefaultAsync(t => t.Id == command.TradeInId && t.CustomerId == customerId, cancellationToken)
                ?? throw new NotFoundException("This link is not valid.");
            tradeIn.RequestReappraisal(command.Note, now);
            return true;
        }
    }
}
