using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Promises;
using Microsoft.EntityFrameworkCore;
using Riok.Mapperly.Abstractions;

namespace Dealership.Application.Promises;

public sealed record PromiseView(Guid Id, Guid SiteId, Guid CustomerId, Guid OwnerStaffId, string Description, DateTime DueAt, PromiseKind Kind,
    PromiseState State, string? SubjectType, Guid? SubjectId, DateTime CreatedAt, DateTime? ResolvedAt, string? ResolutionNote);

/// <summary>Generated (Mapperly): a promise's view is a mechanical copy.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class PromiseMapper
{
    public static partial PromiseView ToView(this CustomerPromise p);
}

internal static class PromiseMapping
{
    public static async Task<CustomerPromise> LoadMineAsync(DealershipDbContext db, ICurrentStaff staff, Guid id, CancellationToken ct)
    {
        var sites = staff.SiteIds.ToList();
        var promise = await db.Promises.FirstOrDefaultAsync(p => p.Id == id && sites.Contains(p.SiteId), ct) ?? throw new NotFoundException("Promise", id);
        if (promise.OwnerStaffId != staff.StaffId && !staff.IsInRole(StaffRoles.Manager))
        {
            throw new ForbiddenException("Only the person who made the promise, or a manager, can close it.");
        }

        return promise;
    }
}
