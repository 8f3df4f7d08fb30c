using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Orders;
using Dealership.Domain.Common;
using Dealership.Domain.Decisions;
using Dealership.Domain.TradeIns;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.TradeIns;

/// <summary>
/// The used-car manager values the car: market reference and its source, reconditioning items, target margin.
/// The system computes the suggestion (market − reconditioning − margin); a different final offer needs a
/// reason and is recorded as a decision. The offer goes to the customer (outbox and tracking page).
/// </summary>
public static class AppraiseTradeIn
{
    [Allowed(Access.ManageTradeIns)]
    public sealed record Command(
        Guid TradeInId,
        MoneyView MarketValue,
        string MarketSource,
        IReadOnlyList<ReconditioningInput>? Reconditioning,
        MoneyView TargetMargin,
        MoneyView? FinalOffer,
        string? OverrideReason,
        DateOnly? ValidUntil,
        int? MileageTolerance,
        OfferHold? Hold,
        int? RecheckBandPercent,
        long? ExpectedVersion = null) : ICommand<TradeInView>;

    public sealed record ReconditioningInput(string Description, MoneyView Cost);

    public const int DefaultMileageTolerance = 500;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.MarketValue).NotNull();
            RuleFor(c => c.MarketValue.Amount).InclusiveBetween(1, 100_000_000_00).When(c => c.MarketValue is not null).WithMessage("The market value is in cents, more than zero.");
            RuleFor(c => c.MarketSource).NotEmpty().MaximumLength(200).WithMessage("Say where the market value comes from (a guide, auction results, comparable listings).");
            RuleFor(c => c.TargetMargin).NotNull();
            RuleFor(c => c.TargetMargin.Amount).InclusiveBetween(0, 100_000_000_00).When(c => c.TargetMargin is not null).WithMessage("The margin is in cents, not negative.");
            RuleFor(c => c.Reconditioning).Must(r => r is null || r.Count <= 30).WithMessage("At most 30 reconditioning items.");
            RuleForEach(c => c.Reconditioning).ChildRules(item =>
            {
                item.RuleFor(i => i.Description).NotEmpty().MaximumLength(200);
                item.RuleFor(i => i.Cost).NotNull();
                item.RuleFor(i => i.Cost.Amount).InclusiveBetween(0, 10_000_000_00).When(i => i.Cost is not null).WithMessage("A reconditioning cost is in cents, not negative.");
            });
            RuleFor(c => c.FinalOffer!.Amount).InclusiveBetween(0, 100_000_000_00).When(c => c.FinalOffer is not null).WithMessage("The offer is in cents, from 0 to 100,000,000.00.");
            RuleFor(c => c.RecheckBandPercent).InclusiveBetween(1, 25).When(c => c.Hold == OfferHold.Recheck && c.RecheckBandPercent is not null)
                .WithMessage("A re-checked offer states how far it may move: 1 to 25 percent.");
            RuleFor(c => c.ValidUntil).Must(d => d is null || (d >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1) && d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(91)))
                .WithMessage("An offer is valid from today for at most 90 days.");
            RuleFor(c => c.OverrideReason).MaximumLength(500);
            RuleFor(c => c.MileageTolerance).InclusiveBetween(0, 10_000).When(c => c.MileageTolerance is not null);
            RuleFor(c => c.Hold).IsInEnum().When(c => c.Hold is not null);
        }
    }

    public sealed class Handler(DealershipDbContext db, TradeInAccess access, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, TradeInView>
    {
        public async ValueTask<TradeInView> Handle(Command command, CancellationToken cancellationToken)
        {
            var tradeIn = await access.LoadForChangeAsync(command.TradeInId, command.ExpectedVersion, cancellationToken);
            await access.EnsureDealOpenAsync(tradeIn, cancellationToken);
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == tradeIn.SiteId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(site.ToLocal(now));
            var amounts = new[] { command.MarketValue, command.TargetMargin, command.FinalOffer }.Where(m => m is not null)
                .Concat((command.Reconditioning ?? []).Select(r => r.Cost));
            if (amounts.Any(m => m!.Currency != tradeIn.Currency))
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("currency", $"Amounts at {site.Name} are in {tradeIn.Currency}.")]);
            }

            var lines = (command.Reconditioning ?? []).Select(r => new ReconditioningLine(r.Description, r.Cost.Amount)).ToList();
            var suggested = TradeIn.Suggest(command.MarketValue.Amount, lines.Sum(l => l.Cost), command.TargetMargin.Amount);
            var final = command.FinalOffer?.Amount ?? tradeIn.DefaultOffer(suggested);
            var hold = command.Hold ?? OfferHold.Locked;
            var staffId = staff.RequireStaffId();
            tradeIn.Appraise(new Appraisal(command.MarketValue.Amount, command.MarketSource, lines, command.TargetMargin.Amount, final, command.OverrideReason,
                command.ValidUntil ?? today.AddDays(TradeIn.DefaultValidityDays), command.MileageTolerance ?? DefaultMileageTolerance, hold,
                hold == OfferHold.Recheck ? command.RecheckBandPercent ?? 5 : 0), staffId, today, now);
            if (tradeIn.OverrideReason is { } reason)
            {
                // An offer away from the system's suggestion is a decision someone will want to learn from.
                db.Decisions.Add(new Decision(tradeIn.SiteId, staffId, DecisionAction.OfferOverride, new Money(Math.Abs(final - suggested), tradeIn.Currency),
                    tradeIn.CustomerId, "trade-in", tradeIn.Id, $"Offer {(final > suggested ? "above" : "below")} the suggested {new Money(suggested, tradeIn.Currency).Format(System.Globalization.CultureInfo.GetCultureInfo("en-US"))}: {reason}",
                    withinLimit: true, now));
            }

            return await access.ViewAsync(tradeIn, cancellationToken);
        }
    }
}
