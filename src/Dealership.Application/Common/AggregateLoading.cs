using Dealership.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Common;

/// <summary>
/// The one way to load an aggregate for change: scoped to what the caller may reach (anything else is "not
/// found", never revealed), then the area's own rule about who may change it (403), then the version the
/// caller last saw (412). Every handler that changes an aggregate goes through <see cref="ForChangeAsync"/>, or reads
/// it with a compiled query of its own and hands it to <see cref="CheckedAtMySites"/>, which applies the same checks
/// in the same order, the site first.
/// </summary>
public static class AggregateLoading
{
    /// <summary>Only the aggregates of the sites the caller works at.</summary>
    public static IQueryable<T> AtMySites<T>(this IQueryable<T> aggregates, ICurrentStaff staff)
        where T : class, ISiteScoped
    {
        ArgumentNullException.ThrowIfNull(staff);
        var siteIds = staff.SiteIds.ToList();
        return aggregates.Where(a => siteIds.Contains(a.SiteId));
    }

    /// <param name="what">How the answer names it ("Order", "Parts order").</param>
    /// <param name="mayChange">The area's ownership rule: a reason to refuse (403), or null to allow.</param>
    public static async Task<T> ForChangeAsync<T>(this IQueryable<T> scoped, Guid id, long? expectedVersion, string what, CancellationToken ct,
        Func<T, string?>? mayChange = null)
        where T : AggregateRoot
    {
        return Checked(await scoped.FirstOrDefaultAsync(a => a.Id == id, ct), id, expectedVersion, what, mayChange);
    }

    /// <summary>
    /// The same checks on an aggregate a handler read with its own (compiled) query: an aggregate of a site the caller
    /// does not work at is "not found" here too, whatever that query filtered, so it is never told apart from one that
    /// does not exist.
    /// </summary>
    public static T CheckedAtMySites<T>(T? aggregate, ICurrentStaff staff, Guid id, long? expectedVersion, string what, Func<T, string?>? mayChange = null)
        where T : AggregateRoot, ISiteScoped
    {
        ArgumentNullException.ThrowIfNull(staff);
        return Checked(aggregate is not null && staff.SiteIds.Contains(aggregate.SiteId) ? aggregate : null, id, expectedVersion, what, mayChange);
    }

    private static T Checked<T>(T? aggregate, Guid id, long? expectedVersion, string what, Func<T, string?>? mayChange)
        where T : AggregateRoot
    {
        if (aggregate is null)
        {
            throw new NotFoundException(what, id);
        }

        if (mayChange?.Invoke(aggregate) is { } refusal)
        {
            throw new ForbiddenException(refusal);
        }

        if (expectedVersion is { } expected && expected != aggregate.Version)
        {
            throw new PreconditionFailedException(what, expected, aggregate.Version);
        }

        return aggregate;
    }
}
