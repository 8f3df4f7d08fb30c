using Dealership.Application.Common;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Orders;

/// <summary>What a manager records about a pending check or transfer.</summary>
public enum SettleAction
{
    /// <summary>Called the issuing bank: the funds are there and held; the check counts now ("yes, once we have called your bank").</summary>
    Verify,

    Cleared,

    Bounced,
}

/// <summary>
/// A pending check or transfer is verified with the bank, cleared, or bounced, by a manager with a note; the
/// balance (and so the handover) follows at once. Front-line staff take the check; they do not clear it.
/// </summary>
public static class SettlePayment
{
    [Allowed(Access.ManageSite)]
    public sealed record Command(Guid OrderId, Guid PaymentId, SettleAction Action, string? Note, long? ExpectedVersion = null) : ICommand<OrderView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Action).IsInEnum().WithMessage("Say what happened: verify, cleared or bounced.");
            RuleFor(c => c.Note).NotEmpty().When(c => c.Action != SettleAction.Cleared)
                .WithMessage("Record what the bank said (verify: who confirmed the funds; bounced: why it came back).").MaximumLength(300);
        }
    }

    public sealed class Handler(OrderAccess access, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, OrderView>
    {
        public async ValueTask<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await access.LoadForChangeAsync(command.OrderId, command.ExpectedVersion, cancellationToken);
            if (order.Payments.All(p => p.Id != command.PaymentId))
            {
                throw new NotFoundException("Payment", command.PaymentId);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var by = staff.RequireStaffId();
            _ = command.Action switch
            {
                SettleAction.Verify => order.VerifyPayment(command.PaymentId, by, command.Note ?? "", now),
                SettleAction.Cleared => order.SettlePayment(command.PaymentId, cleared: true, by, command.Note, now),
                _ => order.SettlePayment(command.PaymentId, cleared: false, by, command.Note, now),
            };
            return await access.ViewAsync(order, cancellationToken);
        }
    }
}
