using Dealership.Application.Common;
using Dealership.Domain.Orders;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Orders;

/// <summary>Records the next milestone with when it actually happened (up to prepared for delivery).</summary>
public static class RecordMilestone
{
    [Allowed(Access.WriteOrders)]
    public sealed record Command(Guid OrderId, OrderMilestone Milestone, DateTime? ReachedAt, long? ExpectedVersion) : ICommand<OrderView>, IVersionedCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Milestone).IsInEnum();
    }

    public sealed class Handler(OrderAccess access, TimeProvider clock) : ICommandHandler<Command, OrderView>
    {
        public async ValueTask<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await access.LoadForChangeAsync(command.OrderId, command.ExpectedVersion, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            order.RecordMilestone(command.Milestone, command.ReachedAt?.ToUniversalTime() ?? now, now);
            return await access.ViewAsync(order, cancellationToken);
        }
    }
}

/// <summary>Moves a milestone's promised date, with the reason the customer will be told.</summary>
public static class ChangePromisedDate
{
    [Allowed(Access.WriteOrders)]
    public sealed record Command(Guid OrderId, OrderMilestone Milestone, DateOnly PromisedDate, string Reason, long? ExpectedVersion) : ICommand<OrderView>, IVersionedCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Milestone).IsInEnum();
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the date changes: the customer will be told.").MaximumLength(500);
        }
    }

    public sealed class Handler(OrderAccess access, Sites.SiteContext sites, TimeProvider clock) : ICommandHandler<Command, OrderView>
    {
        public async ValueTask<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await access.LoadForChangeAsync(command.OrderId, command.ExpectedVersion, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var site = await sites.GetAsync(cancellationToken);
            order.ChangePromise(command.Milestone, command.PromisedDate, command.Reason, DateOnly.FromDateTime(site.ToLocal(now)), now);
            return await access.ViewAsync(order, cancellationToken);
        }
    }
}

/// <summary>Cancels an order before delivery; the answer shows the deposits to refund.</summary>
public static class CancelOrder
{
    [Allowed(Access.WriteOrders)]
    public sealed record Command(Guid OrderId, string Reason, long? ExpectedVersion) : ICommand<OrderView>, IVersionedCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }

    public sealed class Handler(OrderAccess access, TimeProvider clock) : ICommandHandler<Command, OrderView>
    {
        public async ValueTask<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await access.LoadForChangeAsync(command.OrderId, command.ExpectedVersion, cancellationToken);
            order.Cancel(command.Reason, clock.GetUtcNow().UtcDateTime);
            return await access.ViewAsync(order, cancellationToken);
        }
    }
}

/// <summary>Ticks (or unticks) an item of the readiness checklist, recording who and when.</summary>
public static class SetChecklistItem
{
    [Allowed(Access.WriteOrders)]
    public sealed record Command(Guid OrderId, ChecklistItem Item, bool Done) : ICommand<OrderView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Item).IsInEnum();
    }

    public sealed class Handler(OrderAccess access, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, OrderView>
    {
        public async ValueTask<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await access.LoadForChangeAsync(command.OrderId, null, cancellationToken);
            order.SetChecklistItem(command.Item, command.Done, staff.RequireStaffId(), clock.GetUtcNow().UtcDateTime);
            return await access.ViewAsync(order, cancellationToken);
        }
    }
}

/// <summary>Records a payment towards the order (a deposit now, the balance at delivery).</summary>
public static class RecordPayment
{
    [Allowed(Access.WriteOrders)]
    public sealed record Command(Guid OrderId, PaymentMethod Method, MoneyView Amount, string? Reference, PaymentStatus? Status) : ICommand<OrderView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Method).IsInEnum();
            RuleFor(c => c.Amount).NotNull();
            RuleFor(c => c.Amount.Amount).GreaterThan(0).When(c => c.Amount is not null).WithMessage("The amount is in cents and must be more than zero.");
            RuleFor(c => c.Reference).MaximumLength(100);
            RuleFor(c => c.Status).Must(s => s is null or PaymentStatus.Pending or PaymentStatus.Cleared)
                .WithMessage("A new payment is pending or cleared.");
        }
    }

    public sealed class Handler(OrderAccess access, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, OrderView>
    {
        public async ValueTask<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await access.LoadForChangeAsync(command.OrderId, null, cancellationToken);
            var status = command.Status ?? (command.Method is PaymentMethod.Cash or PaymentMethod.Card ? PaymentStatus.Cleared : PaymentStatus.Pending);
            order.RecordPayment(command.Method, command.Amount.ToMoney(), command.Reference, status, staff.RequireStaffId(), clock.GetUtcNow().UtcDateTime);
            return await access.ViewAsync(order, cancellationToken);
        }
    }
}
