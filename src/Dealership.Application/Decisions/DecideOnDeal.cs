using System.Globalization;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Orders;
using Dealership.Application.TradeIns;
using Dealership.Domain.Common;
using Dealership.Domain.Decisions;
using Dealership.Domain.Journey;
using Dealership.Domain.Orders;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Decisions;

/// <summary>
/// A salesperson's or used-car manager's decision on a deal, said yes to on the spot within their limit: money
/// off the car's price, a fee waived, a goodwill credit, a check accepted before it clears, a trade-in offer
/// kept open longer. Above the limit it waits for someone whose limit covers it; the effect then applies on
/// approval (<see cref="DecisionEffects"/>). Visits have their own door (service recovery), under the same rule.
/// </summary>
public static class DecideOnOrder
{
    [Allowed(Access.WriteOrders)]
    public sealed record Command(Guid OrderId, DecisionAction Action, MoneyView? Amount, string Reason, Guid? PaymentId = null, DecisionReason Why = DecisionReason.Other)
        : ICommand<DecisionView>;

    public static readonly IReadOnlyList<DecisionAction> Actions = [DecisionAction.PriceAdjustment, DecisionAction.FeeWaiver, DecisionAction.Goodwill, DecisionAction.AcceptCheck];

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Action).Must(a => Actions.Contains(a))
                .WithMessage($"On an order, decide one of: {string.Join(", ", Actions.Select(a => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(a.ToString())))}.");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why: it is kept with the decision and read by whoever approves it.").MaximumLength(500);
            RuleFor(c => c.Amount).NotNull().When(c => c.Action != DecisionAction.AcceptCheck).WithMessage("Give the amount, in cents.");
            RuleFor(c => c.Amount!.Amount).GreaterThan(0).When(c => c.Amount is not null).WithMessage("The amount is in cents and more than zero.");
            RuleFor(c => c.PaymentId).NotNull().When(c => c.Action == DecisionAction.AcceptCheck).WithMessage("Name the check (its payment id) to accept.");
            RuleFor(c => c.Amount).Null().When(c => c.Action == DecisionAction.AcceptCheck).WithMessage("Accepting a check has no amount of its own: it is the check's.");
        }
    }

    public sealed class Handler(OrderAccess access, DecisionEffects effects) : ICommandHandler<Command, DecisionView>
    {
        public async ValueTask<DecisionView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await access.LoadForChangeAsync(command.OrderId, null, cancellationToken);
            if (command.Amount is { } amount && amount.Currency != order.Currency)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("amount", $"This order is in {order.Currency}.")]);
            }

            // Checked before anyone is asked: a manager should not approve what the deal cannot take.
            if (command.Amount is { } asked && command.Action != DecisionAction.AcceptCheck)
            {
                order.CheckConcession(command.Action, asked.ToMoney());
            }

            if (command.PaymentId is { } paymentId && !order.Payments.Any(p => p.Id == paymentId && p.Method is PaymentMethod.Check or PaymentMethod.CompanyCheck && !p.CountsAsPaid))
            {
                throw new DomainRuleException("That is not a check waiting to clear on this order.", "not-a-pending-check");
            }

            // Taking a check early is weighed by its amount: a policy may allow it up to a sum.
            var value = command.PaymentId is { } check ? new Money(order.Payments.First(p => p.Id == check).Amount, order.Currency) : command.Amount?.ToMoney();
            var decision = await effects.DecideAsync(order.SiteId, order.CustomerId, "order", order.Id, command.Action, value, command.Reason,
                command.PaymentId, null, command.Why, cancellationToken);
            return await effects.ViewAsync(decision, cancellationToken);
        }
    }
}

/// <summary>Keeping a trade-in offer open past its last day: a decision, because the market moves.</summary>
public static class DecideOnTradeIn
{
    [Allowed(Access.RequestTradeIns)]
    public sealed record Command(Guid TradeInId, DecisionAction Action, DateOnly? ExtendTo, string Reason, DecisionReason Why = DecisionReason.Other) : ICommand<DecisionView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Action).Equal(DecisionAction.ExtendOffer).WithMessage("On a trade-in, the decision is extendOffer (a different offer is made by appraising it).");
            RuleFor(c => c.ExtendTo).NotNull().WithMessage("Give the offer's new last day.");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why: it is kept with the decision and read by whoever approves it.").MaximumLength(500);
        }
    }

    public sealed class Handler(TradeInAccess access, DecisionEffects effects, TimeProvider clock, DealershipDbContext db) : ICommandHandler<Command, DecisionView>
    {
        public async ValueTask<DecisionView> Handle(Command command, CancellationToken cancellationToken)
        {
            var tradeIn = await access.LoadForChangeAsync(command.TradeInId, null, cancellationToken);
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == tradeIn.SiteId, cancellationToken);
            var today = DateOnly.FromDateTime(site.ToLocal(clock.GetUtcNow().UtcDateTime));
            // Checked before anyone is asked: a manager should not approve a date the offer cannot take.
            if (tradeIn.Status != Domain.TradeIns.TradeInStatus.Offered || command.ExtendTo <= tradeIn.ValidUntil || command.ExtendTo > today.AddDays(30))
            {
                throw new DomainRuleException($"Only an offer waiting for its answer can be kept open, to a day after {Domain.Common.Readable.Day(tradeIn.ValidUntil, "its last day")} and at most 30 days from today.", "extension-invalid");
            }

            var decision = await effects.DecideAsync(tradeIn.SiteId, tradeIn.CustomerId, "trade-in", tradeIn.Id, command.Action, null, command.Reason, null, command.ExtendTo,
                command.Why, cancellationToken);
            return await effects.ViewAsync(decision, cancellationToken);
        }
    }
}

/// <summary>
/// The one place a decision on a deal is weighed against the person's limit and, once granted, takes effect:
/// at once when within the limit, or when a manager approves it (this also answers <see cref="DecisionAnswered"/>).
/// The customer hears about an approved request; a refusal reaches them through the person who asked.
/// </summary>
public sealed class DecisionEffects(DealershipDbContext db, ICurrentStaff staff, Discretion discretion, TimeProvider clock, Notifications.Outbox outbox)
    : IDomainEventSubscriber<DecisionAnswered>
{
    /// <summary>Weighs and records the decision; the limit it was weighed against is kept for the answer (<see cref="ViewAsync"/>).</summary>
    public async Task<Decision> DecideAsync(Guid siteId, Guid customerId, string subjectType, Guid subjectId, DecisionAction action, Money? amount, string reason,
        Guid? paymentId, DateOnly? extendTo, DecisionReason why, CancellationToken ct)
    {
        var staffId = staff.RequireStaffId();
        var limit = await discretion.LimitAsync(siteId, staff, action, ct);
        weighedAgainst = limit;
        // A yes/no act is within a policy that allows it; one with an amount is within when the amount is.
        var within = limit is null || (amount is null ? limit > 0 : amount.Value.Amount <= limit);
        var now = clock.GetUtcNow().UtcDateTime;
        // Asking twice for the same thing queues nothing new: the managers already have it. (Someone whose own limit covers it may still decide.)
        if (!within && await db.Decisions.Where(d => d.SubjectId == subjectId && d.Action == action && d.Status == DecisionStatus.AwaitingApproval)
                .Select(d => (DateTime?)d.CreatedAt).FirstOrDefaultAsync(ct) is { } asked)
        {
            var minutes = (int)(now - asked).TotalMinutes;
            var ago = minutes < 1 ? "just now" : minutes < 120 ? $"{minutes} min ago" : $"{minutes / 60} h ago";
            throw new DomainRuleException($"A request for this is already waiting for a manager (asked {ago}); you will hear the answer in your inbox.", "already-asked");
        }

        var decision = new Decision(siteId, staffId, action, amount, customerId, subjectType, subjectId, reason, within, now, paymentId, extendTo, why);
        db.Decisions.Add(decision);
        db.AssignKeys();
        if (within)
        {
            await ApplyAsync(decision, now, ct);
        }

        db.Touchpoints.Add(new Touchpoint(customerId, siteId, now, TouchpointKind.StaffNote, TouchpointDirection.Internal, TouchpointActor.Dealer, proactive: true,
            $"{(within ? "Decided" : "Asked a manager to approve")}: {Describe(decision)} — {reason.Trim()}", staffId, subjectType, subjectId));
        return decision;
    }

    private long? weighedAgainst;

    public async Task<DecisionView> ViewAsync(Decision decision, CancellationToken ct)
    {
        var name = await db.Users.AsNoTracking().Where(u => u.Id == decision.StaffId).Select(u => u.DisplayName).FirstAsync(ct);
        return DecisionView.From(decision, name, decision.Status == DecisionStatus.AwaitingApproval ? weighedAgainst : null);
    }

    public async Task HandleAsync(DecisionAnswered domainEvent, CancellationToken cancellationToken)
    {
        var decision = domainEvent.Decision;
        if (decision.Status != DecisionStatus.Approved || decision.Action is DecisionAction.Reschedule or DecisionAction.OfferOverride)
        {
            return;
        }

        await ApplyAsync(decision, domainEvent.OccurredAt, cancellationToken);
        var customer = await db.Customers.FirstAsync(c => c.Id == decision.CustomerId, cancellationToken);
        var data = new Dictionary<string, string>
        {
            ["kind"] = Kind(decision.Action),
            ["staffName"] = await db.Users.AsNoTracking().Where(u => u.Id == decision.StaffId).Select(u => u.DisplayName).FirstAsync(cancellationToken),
        };
        if (decision.Amount is { } value && decision.Currency is { } currency)
        {
            data["amount"] = Notifications.Templates.TemplateFacts.Amount(new Money(value, currency));
        }

        if (decision.ExtendTo is { } until)
        {
            data["until"] = Notifications.Templates.TemplateFacts.Day(until);
        }

        var vehicle = decision.SubjectType switch
        {
            "order" => await db.Orders.AsNoTracking().Where(o => o.Id == decision.SubjectId).Select(o => o.Vehicle.Year + " " + o.Vehicle.Make + " " + o.Vehicle.Model).FirstOrDefaultAsync(cancellationToken),
            "trade-in" => await db.TradeIns.AsNoTracking().Where(t => t.Id == decision.SubjectId).Select(t => t.Vehicle.Year + " " + t.Vehicle.Make + " " + t.Vehicle.Model).FirstOrDefaultAsync(cancellationToken),
            _ => await db.Appointments.AsNoTracking().Where(a => a.Id == decision.SubjectId)
                .Join(db.Vehicles, a => a.VehicleId, v => v.Id, (a, v) => v.Year + " " + v.Make + " " + v.Model).FirstOrDefaultAsync(cancellationToken),
        };
        if (vehicle is not null)
        {
            data["vehicle"] = vehicle;
        }

        await outbox.QueueAsync(customer, decision.SiteId, Notifications.MessageTemplates.DecisionApproved, $"decision/{decision.Id}/approved", data,
            urgent: false, proactive: true, cancellationToken);
    }

    /// <summary>The decision's effect on its deal. Idempotent: a concession is granted once per decision.</summary>
    private async Task ApplyAsync(Decision decision, DateTime now, CancellationToken ct)
    {
        switch (decision.SubjectType, decision.Action)
        {
            case ("order", DecisionAction.PriceAdjustment or DecisionAction.FeeWaiver or DecisionAction.Goodwill):
                var order = await db.Orders.FirstAsync(o => o.Id == decision.SubjectId, ct);
                order.GrantConcession(decision.Id, decision.Action, new Money(decision.Amount!.Value, decision.Currency!), decision.Reason, now);
                break;
            case ("order", DecisionAction.AcceptCheck):
                var withCheck = await db.Orders.Include(o => o.Payments).FirstAsync(o => o.Id == decision.SubjectId, ct);
                if (withCheck.Payments.FirstOrDefault(p => p.Id == decision.PaymentId) is { CountsAsPaid: false })
                {
                    withCheck.AcceptPaymentOnRisk(decision.PaymentId!.Value, decision.DecidedBy ?? decision.StaffId, $"Taken before it clears, by decision: {decision.Reason}", now);
                }

                break;
            case ("trade-in", DecisionAction.ExtendOffer):
                var tradeIn = await db.TradeIns.FirstAsync(t => t.Id == decision.SubjectId, ct);
                var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == tradeIn.SiteId, ct);
                if (tradeIn.ValidUntil < decision.ExtendTo)
                {
                    tradeIn.ExtendOffer(decision.ExtendTo!.Value, DateOnly.FromDateTime(site.ToLocal(now)), now);
                }

                break;
        }
    }

    /// <summary>What the customer's message says was approved (the template words it in their language).</summary>
    public static string Kind(DecisionAction action) => action switch
    {
        DecisionAction.PriceAdjustment => "price",
        DecisionAction.FeeWaiver => "fees",
        DecisionAction.AcceptCheck => "check",
        DecisionAction.ExtendOffer => "offer",
        DecisionAction.Loaner => "loaner",
        _ => "credit",
    };

    public static string Describe(Decision decision) => DecisionView.From(decision, "", null).Describe(CultureInfo.GetCultureInfo("en-US"));
}
