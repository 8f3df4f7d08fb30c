using Dealership.Application.Common;
using Dealership.Application.Orders;
using Dealership.Domain.Handover;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Handover;

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
