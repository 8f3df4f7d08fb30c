using Dealership.Application.Data;
using Dealership.Application.Parts;
using Dealership.Domain.Parts;
using Dealership.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Workshop;

/// <summary>
/// Parts for approved extra work, the same way as booked work but now (the car is already here): reserve
/// what is on the shelf, order the rest from the quickest supplier on the site's open draft (or a new one),
/// sent at once when the supplier takes orders automatically. Receipts then reserve them for this visit.
/// </summary>
public sealed class WorkshopParts(DealershipDbContext db, TimeProvider clock)
{
    public async Task ReserveOrOrderAsync(ServiceAppointment visit, Guid extraWorkId, CancellationToken ct)
    {
        var lines = visit.PartLines.Where(l => l.ExtraWorkId == extraWorkId && l.State == PartLineState.Needed).ToList();
        if (lines.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == visit.SiteId, ct);
        var calendar = new WorkingDays(site.OpenDays);
        var today = DateOnly.FromDateTime(site.ToLocal(now));
        var partIds = lines.Select(l => l.PartId).Distinct().ToList();
        var parts = await db.Parts.Where(p => partIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var line in lines)
        {
            var part = parts[line.PartId];
            if (part.TryReserve(line.Quantity))
            {
                visit.ReserveLine(line);
                continue;
            }

            // Needed today: no supplier is "in time", so the quickest one is chosen.
            var choice = SupplierChoice.Choose(part.Suppliers, today, today, calendar);
            if (choice is null)
            {
                visit.MarkLineNoSupplier(line);
                continue;
            }

            var order = await db.PartsOrders.FirstOrDefaultAsync(o => o.SiteId == site.Id && o.SupplierId == choice.SupplierId && o.Status == PartsOrderStatus.Draft, ct);
            if (order is null)
            {
                order = new PartsOrder(site.Id, choice.SupplierId, PartsPlanner.NewReference(site, now), now, createdBy: null);
                db.PartsOrders.Add(order);
            }

            order.AddLine(part, line.Quantity, choice.UnitCost, choice.LeadTimeWorkingDays, choice.Eta);
            visit.MarkLineOrdered(line, order.Id, choice.Eta);
            var supplier = await db.Suppliers.AsNoTracking().FirstAsync(s => s.Id == choice.SupplierId, ct);
            if (supplier.AutoSend)
            {
                order.Send(null, now);
                db.SupplierEmails.Add(SupplierOrderEmail.For(order, supplier, site, now));
            }
        }

        // Readiness as the lane shows it: a car in the workshop waiting for a part is not "all parts ready".
        visit.AssessParts(today, now);
    }
}
