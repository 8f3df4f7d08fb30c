using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Parts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Parts;

/// <summary>The parts clerk approves a draft: it is emailed to the supplier through the outbox.</summary>
public static class SendPartsOrder
{
    [Allowed(Access.WriteParts)]
    public sealed record Command(Guid OrderId, long? ExpectedVersion) : ICommand<PartsOrderView>;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, WaitingVisits waiting, TimeProvider clock) : ICommandHandler<Command, PartsOrderView>
    {
        public async ValueTask<PartsOrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await db.LoadAsync(staff, command.OrderId, command.ExpectedVersion, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var supplier = await db.Suppliers.AsNoTracking().FirstAsync(s => s.Id == order.SupplierId, cancellationToken);
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == order.SiteId, cancellationToken);
            // The supplier's lead time runs from today, not from when the job drafted the order.
            if (order.Redate(new WorkingDays(site.OpenDays), DateOnly.FromDateTime(site.ToLocal(now))))
            {
                await waiting.ApplyEtaAsync([order], now, cancellationToken);
            }

            order.Send(staff.RequireStaffId(), now);
            db.SupplierEmails.Add(SupplierOrderEmail.For(order, supplier, site, now));
            return (await db.ToViewsAsync([order], cancellationToken))[0];
        }
    }
}
