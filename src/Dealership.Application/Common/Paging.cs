using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Common;

/// <summary>One page of a list, in the shape every list route answers with.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    public bool HasNext => Page < PageCount;

    public bool HasPrevious => Page > 1;
}

/// <summary>
/// A query that answers one page. Its page and page size are checked once, in the validation behaviour,
/// instead of by a copy of the same two rules in every list's validator.
/// </summary>
public interface IPagedQuery
{
    int Page { get; }

    int PageSize { get; }
}

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static IEnumerable<FluentValidation.Results.ValidationFailure> Check(IPagedQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Page < 1)
        {
            yield return new FluentValidation.Results.ValidationFailure(nameof(IPagedQuery.Page), "page starts at 1.");
        }

        if (query.PageSize is < 1 or > MaxPageSize)
        {
            yield return new FluentValidation.Results.ValidationFailure(nameof(IPagedQuery.PageSize), $"pageSize is between 1 and {MaxPageSize}.");
        }
    }

    /// <summary>Counts with one COUNT query and reads one page; never loads the table.</summary>
    public static Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> query, int page, int pageSize, CancellationToken ct) =>
        query.ToPagedListAsync(rows => rows, page, pageSize, ct);

    /// <summary>
    /// A page from a compiled query: <paramref name="count"/> counts every row, <paramref name="rows"/> reads (skip, take).
    /// The same rules as <see cref="ToPagedListAsync{TSource, T}"/>: no read when there is nothing, the page's offset from 1.
    /// </summary>
    public static async Task<PagedList<T>> PageAsync<T>(Func<Task<int>> count, Func<int, int, IAsyncEnumerable<T>> rows, int page, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(rows);
        var total = await count();
        var items = new List<T>();
        if (total > 0)
        {
            await foreach (var row in rows((page - 1) * pageSize, pageSize).WithCancellation(ct))
            {
                items.Add(row);
            }
        }

        return new PagedList<T>(items, page, pageSize, total);
    }

    /// <summary>
    /// Counts the rows of <paramref name="query"/> and reads one page of what <paramref name="shape"/> makes of them: joins
    /// that add columns but never change the count (names by required keys) stay out of the COUNT.
    /// </summary>
    public static async Task<PagedList<T>> ToPagedListAsync<TSource, T>(this IQueryable<TSource> query, Func<IQueryable<TSource>, IQueryable<T>> shape, int page,
        int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var total = await query.CountAsync(ct);
        var items = total == 0 ? [] : await shape(query).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedList<T>(items, page, pageSize, total);
    }
}
