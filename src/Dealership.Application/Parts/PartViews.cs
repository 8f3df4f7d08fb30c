using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Orders;
using Dealership.Domain.Parts;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Riok.Mapperly.Abstractions;

namespace Dealership.Application.Parts;

public sealed record PartSupplierView(Guid SupplierId, string SupplierName, int LeadTimeWorkingDays, long Cost);

/// <summary>A part at one site: on hand, reserved for visits, free, price (minor units) and suppliers cheapest first.</summary>
public sealed record PartView(Guid Id, Guid SiteId, string PartNumber, string Description, int OnHand, int Reserved, int Available, MoneyView SellPrice,
    IReadOnlyList<PartSupplierView> Suppliers, long Version);

public sealed record SupplierView(Guid Id, string Name, string OrderEmail, bool AutoSend, long Version);

/// <summary>Generated (Mapperly): a supplier's view is a mechanical copy; the projection reads only its columns.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class SupplierMapper
{
    public static partial SupplierView ToView(this Domain.Parts.Supplier supplier);

    public static partial IQueryable<SupplierView> ToViews(this IQueryable<Domain.Parts.Supplier> suppliers);
}

internal static class PartViews
{
    public static async Task<List<PartView>> ToViewsAsync(this DealershipDbContext db, IReadOnlyList<Part> parts, CancellationToken ct)
    {
        var ids = parts.SelectMany(p => p.Suppliers).Select(s => s.SupplierId).Distinct().ToList();
        var names = await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return parts.Select(p => new PartView(p.Id, p.SiteId, p.PartNumber, p.Description, p.OnHand, p.Reserved, p.Available, new MoneyView(p.SellPriceAmount, p.Currency),
            p.Suppliers.OrderBy(s => s.CostAmount).Select(s => new PartSupplierView(s.SupplierId, names.GetValueOrDefault(s.SupplierId, ""), s.LeadTimeWorkingDays, s.CostAmount)).ToList(),
            p.Version)).ToList();
    }
}

internal static class PartsAccess
{
    public static async Task<Part> LoadAsync(DealershipDbContext db, ICurrentStaff staff, Guid partId, long? expectedVersion, CancellationToken ct)
    {
        return await db.Parts.AtMySites(staff).ForChangeAsync(partId, expectedVersion, "Part", ct);
    }
}
