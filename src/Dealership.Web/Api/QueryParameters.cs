using Dealership.Application.Common;

namespace Dealership.Web.Api;

/// <summary>
/// ?page=&amp;pageSize= on every list (bound with [AsParameters], so the OpenAPI document shows both). The
/// query's validator says what is out of range; absent means the first page of the default size.
/// </summary>
public sealed record PageRequest(int? Page, int? PageSize)
{
    public int Number => Page ?? 1;

    public int Size => PageSize ?? Paging.DefaultPageSize;
}

/// <summary>?owner=me or ?owner={staff id} on lists that can be narrowed to one person's work; absent means everyone's.</summary>
public sealed record OwnerQuery(string? Owner)
{
    public Guid? Resolve(ICurrentStaff staff) => QueryValues.Staff(Owner, staff, "owner");
}
