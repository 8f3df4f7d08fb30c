using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Sites;
using Dealership.Domain.Service;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Workshop;

/// <summary>
/// The workshop board for the current site: cars checked in, in progress, waiting for the customer's approval
/// and ready for pickup, soonest promise first, with each one's time against its promise. Paged.
/// </summary>
public static class GetWorkshopBoard
{
    public sealed record Board(IReadOnlyList<WorkshopVisitView> Visits, int Total, int Page, int PageSize, int CheckedIn, int InProgress, int AwaitingApproval, int Ready, int Late);

    [Allowed(Access.Workshop)]
    public sealed record Query(int Page = 1, int PageSize = 50) : IQuery<Board>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        }
    }

    public sealed class Handler(DealershipDbContext db, SiteContext siteContext, WorkshopViews views, TimeProvider clock) : IQueryHandler<Query, Board>
    {
        public async ValueTask<Board> Handle(Query query, CancellationToken cancellationToken)
        {
            var site = await siteContext.GetAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var inWorkshop = db.Appointments.AsNoTracking().Where(a => a.SiteId == site.Id &&
                (a.Status == AppointmentStatus.CheckedIn || a.Status == AppointmentStatus.InProgress || a.Status == AppointmentStatus.Ready));
            // Counts by stage straight from the database: the board's headline never loads the cars to count them.
            var counts = await inWorkshop.GroupBy(a => a.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var awaiting = await inWorkshop.CountAsync(a => a.Status == AppointmentStatus.InProgress && a.ExtraWork.Any(w => w.Status == ExtraWorkStatus.Proposed), cancellationToken);
            var late = await inWorkshop.CountAsync(a => a.Status != AppointmentStatus.Ready && a.PromisedReadyAt < now, cancellationToken);
            var page = await inWorkshop.Include(a => a.Photos).AsSplitQuery()
                .OrderBy(a => a.Status == AppointmentStatus.Ready).ThenBy(a => a.PromisedReadyAt).ThenBy(a => a.Id)
                .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
            int Count(AppointmentStatus status) => counts.FirstOrDefault(c => c.Status == status)?.Count ?? 0;
            return new Board(await views.ManyAsync(page, cancellationToken), counts.Sum(c => c.Count), query.Page, query.PageSize,
                Count(AppointmentStatus.CheckedIn), Count(AppointmentStatus.InProgress) - awaiting, awaiting, Count(AppointmentStatus.Ready), late);
        }
    }
}

/// <summary>One visit in the workshop (the inspection form, the extras, the bill for those who may see money).</summary>
public static class GetWorkshopVisit
{
    [Allowed(Access.Workshop)]
    public sealed record Query(Guid AppointmentId) : IQuery<WorkshopVisitView>;

    public sealed class Handler(WorkshopAccess access, WorkshopViews views) : IQueryHandler<Query, WorkshopVisitView>
    {
        public async ValueTask<WorkshopVisitView> Handle(Query query, CancellationToken cancellationToken) =>
            await views.OneAsync(await access.ReadAsync(query.AppointmentId, cancellationToken), cancellationToken);
    }
}

/// <summary>What the inspection form offers: the checklist for this visit's work, and the catalogue's work to propose.</summary>
public static class GetInspectionForm
{
    public sealed record Operation(string Code, string Description, int LabourMinutes);

    public sealed record Form(IReadOnlyList<string> Checklist, IReadOnlyList<Operation> Operations);

    [Allowed(Access.Workshop)]
    public sealed record Query(Guid AppointmentId) : IQuery<Form>;

    public sealed class Handler(DealershipDbContext db, WorkshopAccess access) : IQueryHandler<Query, Form>
    {
        public async ValueTask<Form> Handle(Query query, CancellationToken cancellationToken)
        {
            var visit = await access.ReadAsync(query.AppointmentId, cancellationToken);
            // The catalogue is a few hundred operations at most: the form lists them all, by description.
            var operations = await db.ServiceOperations.AsNoTracking().OrderBy(o => o.Description).Take(500)
                .Select(o => new Operation(o.Code, o.Description, o.LabourMinutes)).ToListAsync(cancellationToken);
            return new Form(InspectionChecklist.For(visit.Operations.Select(o => o.Code)), operations);
        }
    }
}
