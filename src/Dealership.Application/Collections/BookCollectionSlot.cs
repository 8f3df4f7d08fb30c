using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Orders;
using Dealership.Application.Tracking;
using Dealership.Domain.Collections;
using Dealership.Domain.Common;
using Dealership.Domain.Orders;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Collections;

/// <summary>The collection times open for an order (staff view).</summary>
public static class GetCollectionSlots
{
    [Allowed(Access.ReadOrders)]
    public sealed record Query(Guid OrderId) : IQuery<IReadOnlyList<Slot>>;

    public sealed class Handler(OrderAccess access, CollectionSlots slots) : IQueryHandler<Query, IReadOnlyList<Slot>>
    {
        public async ValueTask<IReadOnlyList<Slot>> Handle(Query query, CancellationToken cancellationToken) =>
            await slots.ForOrderAsync(await access.LoadAsync(query.OrderId, tracking: false, cancellationToken), cancellationToken);
    }
}

/// <summary>
/// Books (or moves) the collection at a time the customer chose: staff record a choice the customer told
/// them; the customer picks on their tracking page (<see cref="PickMyCollectionSlot"/>). Never imposed.
/// </summary>
public static class BookCollectionSlot
{
    /// <summary><paramref name="ToldUsBy"/>: how the customer told staff the time they chose (phone, inPerson, text, email).</summary>
    [Allowed(Access.WriteOrders)]
    public sealed record Command(Guid OrderId, DateTime StartsAt, ChoiceChannel ToldUsBy) : ICommand<BookingView>;

    public sealed record BookingView(Guid OrderId, DateTime StartsAt, DateTime EndsAt, int Bay, bool ChosenByCustomer, ChoiceChannel StatedVia);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.StartsAt).NotEmpty();
            RuleFor(c => c.ToldUsBy).IsInEnum().NotEqual(ChoiceChannel.TrackingPage)
                .WithMessage("Say how the customer told you the time they chose: phone, inPerson, text or email. To suggest times instead, propose them (collection-proposals).");
        }
    }

    public sealed class Handler(OrderAccess access, CollectionBooker booker, ICurrentStaff staff) : ICommandHandler<Command, BookingView>
    {
        public async ValueTask<BookingView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await access.LoadForChangeAsync(command.OrderId, null, cancellationToken);
            var booking = await booker.BookAsync(order, command.StartsAt, command.ToldUsBy, recordedBy: staff.RequireStaffId(), cancellationToken);
            return new BookingView(order.Id, booking.StartsAt, booking.EndsAt, booking.Bay, booking.ChosenByCustomer, booking.StatedVia);
        }
    }
}

/// <summary>Staff suggest up to three open times; the customer is told and picks one (or any other open time).</summary>
public static class ProposeCollectionTimes
{
    [Allowed(Access.WriteOrders)]
    public sealed record Command(Guid OrderId, IReadOnlyList<DateTime> StartsAt) : ICommand<IReadOnlyList<DateTime>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.StartsAt).NotEmpty().Must(t => t.Count <= 3).WithMessage("Propose one to three times.");
    }

    public sealed class Handler(OrderAccess access, CollectionSlots slots, TimeProvider clock) : ICommandHandler<Command, IReadOnlyList<DateTime>>
    {
        public async ValueTask<IReadOnlyList<DateTime>> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await access.LoadForChangeAsync(command.OrderId, null, cancellationToken);
            var open = (await slots.ForOrderAsync(order, cancellationToken)).Select(s => s.StartsAt).ToHashSet();
            var times = command.StartsAt.Select(t => DateTime.SpecifyKind(t.ToUniversalTime(), DateTimeKind.Utc)).ToList();
            if (open.Count == 0 || times.Any(t => !open.Contains(t)))
            {
                throw new DomainRuleException("Propose only open times (GET collection-slots); the car must be prepared and the checklist complete.", "slot-unavailable");
            }

            order.ProposeCollectionTimes(times, clock.GetUtcNow().UtcDateTime);
            return order.ProposedCollectionTimes;
        }
    }
}

/// <summary>The customer picks (or moves) their collection time on the tracking page.</summary>
public static class PickMyCollectionSlot
{
    [Allowed(Access.CustomerLink)]
    public sealed record Command(string Token, Guid OrderId, DateTime StartsAt) : ICommand<bool>;

    public sealed class Handler(DealershipDbContext db, CollectionBooker booker, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var customerId = await CustomerLink.ResolveAsync(db, command.Token, clock.GetUtcNow().UtcDateTime, cancellationToken);
            var order = await db.Orders.Include(o => o.Payments).FirstOrDefaultAsync(o => o.Id == command.OrderId && o.CustomerId == customerId, cancellationToken)
                ?? throw new NotFoundException("This link is not valid.");
            await booker.BookAsync(order, command.StartsAt, ChoiceChannel.TrackingPage, recordedBy: null, cancellationToken);
            return true;
        }
    }
}

/// <summary>Shared by both ways of booking: checks the time is still open, takes a free bay, frees the old slot.</summary>
public sealed class CollectionBooker(DealershipDbContext db, UnitOfWork unit, CollectionSlots slots, TimeProvider clock)
{
    public async Task<CollectionBooking> BookAsync(VehicleOrder order, DateTime startsAt, ChoiceChannel statedVia, Guid? recordedBy, CancellationToken ct)
    {
        var start = DateTime.SpecifyKind(startsAt.ToUniversalTime(), DateTimeKind.Utc);
        var open = await slots.ForOrderAsync(order, ct);
        var slot = open.FirstOrDefault(s => s.StartsAt == start);
        if (slot is null)
        {
            if (order.Status < OrderMilestone.PreparedForDelivery || !order.ChecklistComplete)
            {
                // Let the order explain what is missing (prepared for delivery, checklist).
                order.ScheduleCollection(start, DateOnly.FromDateTime(start), reschedule: false, statedVia, recordedBy, clock.GetUtcNow().UtcDateTime);
            }

            throw new DomainRuleException("That time is not available (taken, outside opening hours, or the salesperson is away). Choose one of the open times.", "slot-unavailable");
        }

        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == order.SiteId, ct);
        var bay = await slots.FreeBayAsync(site, order.Id, slot.StartsAt, slot.EndsAt, ct)
            ?? throw new DomainRuleException("That time was just taken. Choose another.", "slot-taken");
        var previous = await db.CollectionBookings.FirstOrDefaultAsync(b => b.OrderId == order.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (previous is not null)
        {
            db.CollectionBookings.Remove(previous);
            await unit.SaveAsync(ct); // frees the old slot inside this transaction before taking the new one
        }

        var booking = new CollectionBooking(order.Id, order.SiteId, order.OwnerStaffId, bay, slot.StartsAt, slot.EndsAt, statedVia, recordedBy, now);
        db.CollectionBookings.Add(booking);
        order.ScheduleCollection(slot.StartsAt, DateOnly.FromDateTime(slot.LocalStart), reschedule: previous is not null, statedVia, recordedBy, now);
        return booking;
    }
}
