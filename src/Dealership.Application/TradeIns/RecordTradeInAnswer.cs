using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Handover;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.TradeIns;

/// <summary>Staff record the customer's stated answer to the offer, and how the customer told them.</summary>
public static class RecordTradeInAnswer
{
    /// <param name="OfferNumber">The offer (appraisal number) the customer answered; when given, an answer to a replaced offer is refused.</param>
    [Allowed(Access.RequestTradeIns)]
    public sealed record Command(Guid TradeInId, bool Accepted, ChoiceChannel StatedVia, long? ExpectedVersion = null, int? OfferNumber = null) : ICommand<TradeInView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.StatedVia).IsInEnum().NotEqual(ChoiceChannel.TrackingPage)
                .WithMessage("Say how the customer told you: phone, inPerson, text or email (the tracking page records its own answers).");
    }

    public sealed class Handler(DealershipDbContext db, TradeInAccess access, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, TradeInView>
    {
        public async ValueTask<TradeInView> Handle(Command command, CancellationToken cancellationToken)
        {
            var tradeIn = await access.LoadForChangeAsync(command.TradeInId, command.ExpectedVersion, cancellationToken);
            await access.EnsureDealOpenAsync(tradeIn, cancellationToken);
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == tradeIn.SiteId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            tradeIn.Answer(command.Accepted, command.StatedVia, staff.RequireStaffId(), DateOnly.FromDateTime(site.ToLocal(now)), now, command.OfferNumber);
            return await access.ViewAsync(tradeIn, cancellationToken);
        }
    }
}
