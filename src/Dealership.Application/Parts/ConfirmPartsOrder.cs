using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;

namespace Dealership.Application.Parts;

/// <summary>
/// Records the delivery date the supplier confirmed. Appointments waiting on the order are judged against
/// it at once: a date too late for a visit puts it at risk (advisor and customer told now, not at check-in).
/// </summary>
public static class ConfirmPartsOrder
{
    [Allowed(Access.WriteParts)]
    public sealed record Command(Guid OrderId, DateOnly Eta, long? ExpectedVersion) : ICommand<PartsOrderView>;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, WaitingVisits waiting, TimeProvider clock) : ICommandHandler<Command, PartsOrderView>
    {
        public async ValueTask<PartsOrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await db.LoadAsync(staff, command.OrderId, command.ExpectedVersion, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            order.Confirm(command.Eta, now);
            await waiting.ApplyEtaAsync([order], now, cancellationToken);
            return (await db.ToViewsAsync([order], cancellationToken))[0];
        }
    }
}
