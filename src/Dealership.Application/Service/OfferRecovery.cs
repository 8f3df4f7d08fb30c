using System.Globalization;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Decisions;
using Dealership.Application.Orders;
using Dealership.Domain.Common;
using Dealership.Domain.Decisions;
using Dealership.Domain.Journey;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

/// <summary>
/// Service recovery when the dealer let the customer down (parts not ready at check-in): a reschedule, a
/// loaner, or a goodwill gesture. Within the advisor's limit it is applied at once; above it, it waits for a
/// manager. Either way it is recorded as a decision and lands on the customer's timeline.
/// </summary>
public static class OfferRecovery
{
    /// <param name="MoveTo">For a reschedule: the new drop-off time agreed with the customer (the move and the decision commit together).</param>
    [Allowed(Access.WriteService)]
    public sealed record Command(Guid AppointmentId, DecisionAction Action, MoneyView? Amount, string Reason, DateTime? MoveTo = null, DecisionReason Why = DecisionReason.Delay)
        : ICommand<DecisionView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Action).Must(a => a is DecisionAction.Reschedule or DecisionAction.Loaner or DecisionAction.Goodwill or DecisionAction.Coupon or DecisionAction.Discount)
                .WithMessage("On a visit, decide one of: reschedule, loaner, goodwill, coupon, discount.");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say what happened and why this gesture: it is kept with the decision.").MaximumLength(500);
            RuleFor(c => c.Amount).NotNull().When(c => c.Action is DecisionAction.Goodwill or DecisionAction.Coupon or DecisionAction.Discount)
                .WithMessage("Give the value of the gesture, in cents.");
            RuleFor(c => c.Amount!.Amount).GreaterThan(0).When(c => c.Amount is not null).WithMessage("The amount is in cents and more than zero.");
            RuleFor(c => c.MoveTo).NotNull().When(c => c.Action == DecisionAction.Reschedule).WithMessage("Give the new drop-off time agreed with the customer.");
            RuleFor(c => c.MoveTo).Null().When(c => c.Action != DecisionAction.Reschedule).WithMessage("Only a reschedule moves the visit.");
        }
    }

    public sealed class Handler(DealershipDbContext db, AppointmentAccess access, AppointmentMover mover, ICurrentStaff staff, Discretion discretion, TimeProvider clock)
        : ICommandHandler<Command, DecisionView>
    {
        public async ValueTask<DecisionView> Handle(Command command, CancellationToken cancellationToken)
        {
            var appointment = await access.LoadAsync(command.AppointmentId, null, cancellationToken);
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == appointment.SiteId, cancellationToken);
            if (command.Amount is { } amount && amount.Currency != site.Currency)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("amount", $"Amounts at {site.Name} are in {site.Currency}.")]);
            }

            var staffId = staff.RequireStaffId();
            if (command.MoveTo is { } moveTo)
            {
                await mover.MoveAsync(appointment, Instants.AsUtc(moveTo), null, $"Parts not ready in time: {command.Reason}", byCustomer: false, keepsOwnAdvisor: false, cancellationToken);
            }

            var limit = await discretion.LimitAsync(site.Id, staff, command.Action, cancellationToken);
            var value = command.Amount?.Amount ?? 0;
            // A yes/no act (a loaner, a reschedule) is within a policy that allows it; one that does not always asks.
            var within = limit is null || (command.Amount is null ? limit > 0 : value <= limit);
            var now = clock.GetUtcNow().UtcDateTime;
            var decision = new Decision(site.Id, staffId, command.Action, command.Amount?.ToMoney(), appointment.CustomerId, "appointment", appointment.Id,
                command.Reason, within, now, why: command.Why);
            db.Decisions.Add(decision);
            var what = command.Amount is { } m ? $"{Describe(command.Action)} ({new Money(m.Amount, m.Currency).Format(CultureInfo.GetCultureInfo("en-US"))})" : Describe(command.Action);
            db.Touchpoints.Add(new Touchpoint(appointment.CustomerId, site.Id, now, TouchpointKind.StaffNote, TouchpointDirection.Internal, TouchpointActor.Dealer,
                proactive: true, within ? $"Service recovery: {what} — {command.Reason}" : $"Service recovery asked for manager approval: {what} — {command.Reason}",
                staffId, "appointment", appointment.Id));
            // The decider's name, and the advisor's who has the visit now: one read for both.
            var advisorId = appointment.AdvisorStaffId;
            var names = await db.Users.Where(u => u.Id == staffId || u.Id == advisorId).Select(u => new { u.Id, u.DisplayName })
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            var movedTo = command.MoveTo is null ? null : new VisitMovedTo(appointment.StartsAt, site.ToLocal(appointment.StartsAt), names[advisorId]);
            return DecisionView.From(decision, names[staffId], within ? null : limit) with { MovedTo = movedTo };
        }
    }

    public static string Describe(DecisionAction action) => action switch
    {
        DecisionAction.Reschedule => "reschedule at our cost",
        DecisionAction.Loaner => "loaner car",
        DecisionAction.Goodwill => "goodwill credit",
        DecisionAction.Coupon => "coupon",
        DecisionAction.Discount => "discount",
        DecisionAction.OfferOverride => "trade-in offer different from the suggestion",
        DecisionAction.PriceAdjustment => "price adjustment",
        DecisionAction.FeeWaiver => "fee waiver",
        DecisionAction.AcceptCheck => "check accepted before it clears",
        DecisionAction.ExtendOffer => "trade-in offer kept open",
        _ => action.ToString(),
    };
}
