using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Promises;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Promises;

public sealed record PromiseView(Guid Id, Guid SiteId, Guid CustomerId, Guid OwnerStaffId, string Description, DateTime DueAt, PromiseKind Kind,
    PromiseState State, string? SubjectType, Guid? SubjectId, DateTime CreatedAt, DateTime? ResolvedAt, string? ResolutionNote);

internal static class PromiseMapping
{
    public static PromiseView ToView(this CustomerPromise p) => new(p.Id, p.SiteId, p.CustomerId, p.OwnerStaffId, p.Description, p.DueAt, p.Kind, p.State,
        p.SubjectType, p.SubjectId, p.CreatedAt, p.ResolvedAt, p.ResolutionNote);

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

/// <summary>Records a promise made to a customer ("I'll call you back by 5pm"), owned by the caller.</summary>
public static class MakePromise
{
    [Allowed(Access.AnyStaff)]
    public sealed record Command(Guid CustomerId, string Description, DateTime DueAt, string? SubjectType, Guid? SubjectId) : ICommand<PromiseView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Description).NotEmpty().MaximumLength(300);
            RuleFor(c => c.DueAt).GreaterThan(_ => clock.GetUtcNow().UtcDateTime).WithMessage("A promise is due in the future.");
            RuleFor(c => c.SubjectType).MaximumLength(30);
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, PromiseView>
    {
        public async ValueTask<PromiseView> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.Customers.AnyAsync(c => c.Id == command.CustomerId, cancellationToken))
            {
                throw new NotFoundException("Customer", command.CustomerId);
            }

            var promise = new CustomerPromise(staff.SiteId, command.CustomerId, staff.RequireStaffId(), command.Description,
                DateTime.SpecifyKind(command.DueAt.ToUniversalTime(), DateTimeKind.Utc), PromiseKind.Manual, command.SubjectType, command.SubjectId, null,
                clock.GetUtcNow().UtcDateTime);
            db.Promises.Add(promise);
            return promise.ToView();
        }
    }
}

public static class KeepPromise
{
    [Allowed(Access.AnyStaff)]
    public sealed record Command(Guid PromiseId) : ICommand<PromiseView>;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, PromiseView>
    {
        public async ValueTask<PromiseView> Handle(Command command, CancellationToken cancellationToken)
        {
            var promise = await PromiseMapping.LoadMineAsync(db, staff, command.PromiseId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            promise.Keep(now, now);
            return promise.ToView();
        }
    }
}

public static class WithdrawPromise
{
    [Allowed(Access.AnyStaff)]
    public sealed record Command(Guid PromiseId, string Reason) : ICommand<PromiseView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, PromiseView>
    {
        public async ValueTask<PromiseView> Handle(Command command, CancellationToken cancellationToken)
        {
            var promise = await PromiseMapping.LoadMineAsync(db, staff, command.PromiseId, cancellationToken);
            promise.Withdraw(command.Reason, clock.GetUtcNow().UtcDateTime);
            return promise.ToView();
        }
    }
}

/// <summary>Promises at the caller's sites by owner and due window (overdue, today, week, or all open), soonest first.</summary>
public static class ListPromises
{
    [Allowed(Access.AnyStaff)]
    public sealed record Query(Guid? OwnerStaffId, string? Due, PromiseState? State, int Page = 1, int PageSize = Paging.DefaultPageSize, Guid? SubjectId = null) : IQuery<PagedList<PromiseView>>, IPagedQuery;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Due).Must(d => d is null or "overdue" or "today" or "week").WithMessage("due is overdue, today or week.");
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, TimeProvider clock) : IQueryHandler<Query, PagedList<PromiseView>>
    {
        public async ValueTask<PagedList<PromiseView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var sites = staff.SiteIds.ToList();
            var now = clock.GetUtcNow().UtcDateTime;
            var promises = db.Promises.AsNoTracking().Where(p => sites.Contains(p.SiteId));
            if (query.OwnerStaffId is { } owner)
            {
                promises = promises.Where(p => p.OwnerStaffId == owner);
            }

            if (query.SubjectId is { } subject)
            {
                promises = promises.Where(p => p.SubjectId == subject);
            }

            if (query.State is { } state)
            {
                promises = promises.Where(p => p.State == state);
            }

            promises = query.Due switch
            {
                "overdue" => promises.Where(p => p.State == PromiseState.Open && p.DueAt < now),
                "today" => promises.Where(p => p.State == PromiseState.Open && p.DueAt >= now && p.DueAt < now.AddDays(1)),
                "week" => promises.Where(p => p.State == PromiseState.Open && p.DueAt < now.AddDays(7)),
                _ => promises,
            };
            var page = await promises.OrderBy(p => p.DueAt).ThenBy(p => p.Id).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            return new PagedList<PromiseView>(page.Items.Select(p => p.ToView()).ToList(), page.Page, page.PageSize, page.Total);
        }
    }
}

/// <summary>"Promises kept": kept ÷ (kept + broken), per person and per site (withdrawn and renegotiated do not count).</summary>
public static class GetPromiseStats
{
    [Allowed(Access.AnyStaff)]
    public sealed record Query : IQuery<Stats>;

    public sealed record Rate(Guid Id, string Name, int Kept, int Broken, double? KeptRate);

    public sealed record Stats(IReadOnlyList<Rate> People, IReadOnlyList<Rate> Sites);

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, Stats>
    {
        public async ValueTask<Stats> Handle(Query query, CancellationToken cancellationToken)
        {
            var sites = staff.SiteIds.ToList();
            var counts = await db.Promises.AsNoTracking()
                .Where(p => sites.Contains(p.SiteId) && (p.State == PromiseState.Kept || p.State == PromiseState.Broken))
                .GroupBy(p => new { p.SiteId, p.OwnerStaffId, p.State })
                .Select(g => new { g.Key.SiteId, g.Key.OwnerStaffId, g.Key.State, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var ownerIds = counts.Select(c => c.OwnerStaffId).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            var siteNames = await db.Sites.AsNoTracking().Where(s => sites.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
            static double? RateOf(int kept, int broken) => kept + broken == 0 ? null : Math.Round((double)kept / (kept + broken), 3);
            var people = counts.GroupBy(c => c.OwnerStaffId).Select(g =>
            {
                var kept = g.Where(x => x.State == PromiseState.Kept).Sum(x => x.Count);
                var broken = g.Where(x => x.State == PromiseState.Broken).Sum(x => x.Count);
                return new Rate(g.Key, names.GetValueOrDefault(g.Key, ""), kept, broken, RateOf(kept, broken));
            }).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
            var bySite = counts.GroupBy(c => c.SiteId).Select(g =>
            {
                var kept = g.Where(x => x.State == PromiseState.Kept).Sum(x => x.Count);
                var broken = g.Where(x => x.State == PromiseState.Broken).Sum(x => x.Count);
                return new Rate(g.Key, siteNames.GetValueOrDefault(g.Key, ""), kept, broken, RateOf(kept, broken));
            }).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
            return new Stats(people, bySite);
        }
    }
}
