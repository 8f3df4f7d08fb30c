using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Parts;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Parts;

public sealed record PartsOrderLineView(Guid PartId, string PartNumber, string Description, int Quantity, long UnitCost, int Received, int Outstanding);

/// <summary>The order email to the supplier: queued, sent (when), or failing (the last error; retried with back-off, then dead).</summary>
public sealed record SupplierEmailView(string To, SupplierEmailStatus Status, DateTime? SentAt, int Attempts, string? LastError, DateTime DueAt);

/// <summary>A parts order with its lines, dates (quoted, confirmed) and the state of the email to the supplier.</summary>
public sealed record PartsOrderView(Guid Id, Guid SiteId, string Reference, Guid SupplierId, string SupplierName, bool SupplierAutoSend, PartsOrderStatus Status,
    DateTime CreatedAt, bool CreatedByJob, DateTime? SentAt, DateOnly ExpectedEta, DateOnly? ConfirmedEta, DateTime? ReceivedAt, long Total,
    IReadOnlyList<PartsOrderLineView> Lines, SupplierEmailView? Email, long Version);

internal static class PartsOrderViews
{
    public static async Task<List<PartsOrderView>> ToViewsAsync(this DealershipDbContext db, IReadOnlyList<PartsOrder> orders, CancellationToken ct)
    {
        var ids = orders.Select(o => o.SupplierId).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var orderIds = orders.Select(o => o.Id).ToList();
        var emails = await db.SupplierEmails.AsNoTracking().Where(e => orderIds.Contains(e.PartsOrderId))
            .ToDictionaryAsync(e => e.PartsOrderId, e => new SupplierEmailView(e.To, e.Status, e.SentAt, e.Attempts, e.LastError, e.DueAt), ct);
        // An email this command just wrote is not saved yet; the answer shows it all the same.
        foreach (var e in db.SupplierEmails.Local.Where(e => orderIds.Contains(e.PartsOrderId)))
        {
            emails[e.PartsOrderId] = new SupplierEmailView(e.To, e.Status, e.SentAt, e.Attempts, e.LastError, e.DueAt);
        }

        return orders.Select(o => new PartsOrderView(o.Id, o.SiteId, o.Reference, o.SupplierId, suppliers[o.SupplierId].Name, suppliers[o.SupplierId].AutoSend, o.Status,
            o.CreatedAt, o.CreatedBy is null, o.SentAt, o.ExpectedEta, o.ConfirmedEta, o.ReceivedAt, o.Lines.Sum(l => l.UnitCost * l.Quantity),
            o.Lines.Select(l => new PartsOrderLineView(l.PartId, l.PartNumber, l.Description, l.Quantity, l.UnitCost, l.ReceivedQuantity, l.Outstanding)).ToList(),
            emails.GetValueOrDefault(o.Id), o.Version)).ToList();
    }

    public static async Task<PartsOrder> LoadAsync(this DealershipDbContext db, ICurrentStaff staff, Guid id, long? expectedVersion, CancellationToken ct)
    {
        return await db.PartsOrders.AtMySites(staff).ForChangeAsync(id, expectedVersion, "Parts order", ct);
    }
}
