using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Common;

/// <summary>One page of a list, in the shape every list route answers with.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    public bool HasNext => Page < PageCount;

    public bool HasPrevious => Page > 1;
}

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Counts with one COUNT query and reads one page; never loads the table.</summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> query, int page, int pageSize, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = total == 0 ? [] : await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedList<T>(items, page, pageSize, total);
    }
}
