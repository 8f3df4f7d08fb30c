using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Decisions;
using Dealership.Application.Sites;
using Dealership.Domain.Service;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

/// <summary>
/// The advisor's lane: one day's appointments at the current site with parts readiness per line, and counts;
/// how to reach each customer today, the decisions already given per visit, which visits need putting right
/// (and, for those who may move visits, the times after their parts arrive).
/// </summary>
public static class GetLane
{
    public sealed record Lane(DateOnly Date, int Appointments, int PartsReady, int NotReady, int CheckedIn, IReadOnlyList<AppointmentView> Items)
    {
        /// <summary>Per customer: "Text +1503…" or "Email …", what check-in says updates go to.</summary>
        public IReadOnlyDictionary<Guid, string> Contacts { get; init; } = new Dictionary<Guid, string>();

        public IReadOnlyDictionary<Guid, IReadOnlyList<DecisionView>> Decisions { get; init; } = new Dictionary<Guid, IReadOnlyList<DecisionView>>();

        /// <summary>Visits that need a recovery offer (<see cref="NeedsRecovery"/>).</summary>
        public IReadOnlyList<Guid> NeedingRecovery { get; init; } = [];

        /// <summary>
        /// For those who may move visits: free times after the parts arrive, for the visit asked about
        /// (<see cref="Query.NewTimesFor"/>) when it needs putting right.
        /// </summary>
        public IReadOnlyDictionary<Guid, IReadOnlyList<Tracking.VisitSlot>> RecoveryTimes { get; init; } = new Dictionary<Guid, IReadOnlyList<Tracking.VisitSlot>>();
    }

    /// <summary>A booked visit whose parts will not make it, or that is today (or overdue) with parts still not on the shelf.</summary>
    public static bool NeedsRecovery(AppointmentView a, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Status == AppointmentStatus.Booked &&
            (a.Readiness == PartsReadiness.AtRisk || (a.Date <= today && a.Readiness is PartsReadiness.Ordered or PartsReadiness.Planning));
    }

    /// <param name="NewTimesFor">
    /// The visit the advisor is putting right: free times are worked out for it alone. Working them out for every visit
    /// at risk (100 of 135 on a busy day at group scale) made each lane answer a quarter of a megabyte and most of its
    /// cost, for times nobody looked at (issue #14).
    /// </param>
    [Allowed(Access.ReadService)]
    public sealed record Query(DateOnly? Date, Guid? AdvisorStaffId = null, Guid? NewTimesFor = null) : IQuery<Lane>;

    /// <summary>The first and last day a lane can be asked for: a typo in the day field (year 9999) is refused, not worked out.</summary>
    public static readonly DateOnly FirstDay = new(2000, 1, 1);

    /// <inheritdoc cref="FirstDay"/>
    public static readonly DateOnly LastDay = new(2099, 12, 31);

    public static bool IsPlausibleDay(DateOnly date) => date >= FirstDay && date <= LastDay;

    /// <summary>The range in words, for the API's problem and the page's message alike.</summary>
    public static string DayRange => $"between {FirstDay.Year} and {LastDay.Year}";

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Date).Must(d => d is not { } day || IsPlausibleDay(day)).WithMessage($"date is a day {DayRange} (YYYY-MM-DD).");
        }
    }

    public sealed class Handler(DealershipDbContext db, SiteContext siteContext, AppointmentViews views, Tracking.MyServiceVisits visits, ICurrentStaff staff,
        TimeProvider clock) : IQueryHandler<Query, Lane>
    {
        /// <summary>A workshop books far fewer than this per day; the cap keeps one page bounded.</summary>
        public const int MaxPerDay = 200;

        public async ValueTask<Lane> Handle(Query query, CancellationToken cancellationToken)
        {
            var site = await siteContext.GetAsync(cancellationToken);
            var date = query.Date ?? DateOnly.FromDateTime(site.ToLocal(clock.GetUtcNow().UtcDateTime));
            var day = db.Appointments.AsNoTracking()
                .Where(a => a.SiteId == site.Id && a.Date == date && a.Status != AppointmentStatus.Cancelled);
            if (query.AdvisorStaffId is { } advisor)
            {
                day = day.Where(a => a.AdvisorStaffId == advisor);
            }

            // The bound after the names' joins: one flat query, in the day's order.
            var rows = await views.WithNames(day.OrderBy(a => a.StartsAt).ThenBy(a => a.Id).Select(AppointmentViews.Columns)).Take(MaxPerDay)
                .ToListAsync(cancellationToken);
            var items = await views.ManyAsync(rows, cancellationToken);
            var today = DateOnly.FromDateTime(site.ToLocal(clock.GetUtcNow().UtcDateTime));

            // How each customer is reached, read in the visits' own query (a lookup of its own was one more statement).
            var contacts = rows.DistinctBy(r => r.Visit.CustomerId)
                .ToDictionary(r => r.Visit.CustomerId, r => r.CustomerMobilePhone is { } phone ? $"Text {phone}" : $"Email {r.CustomerEmail}");

            // Decisions only for those who may read them (parts clerks read the lane, not decisions).
            var visitIds = AccessRules.Allows(staff, Access.ReadDecisions) ? items.Select(i => i.Id).ToList() : [];
            var decisions = visitIds.Count == 0 ? [] : await db.Decisions.AsNoTracking().Where(d => d.SubjectType == "appointment" && visitIds.Contains(d.SubjectId))
                .OrderBy(d => d.CreatedAt)
                .Join(db.Users, d => d.StaffId, u => u.Id, (d, u) => new { Decision = d, u.DisplayName })
                .ToListAsync(cancellationToken);

            // Free times only for the visit being put right, when it needs it, and only for those who may move it.
            var needing = items.Where(i => NeedsRecovery(i, today)).Select(i => i.Id).ToList();
            var recoveryTimes = query.NewTimesFor is { } fixing && needing.Contains(fixing) && AccessRules.Allows(staff, Access.WriteService)
                ? await visits.NewTimesAsync(await db.Appointments.AsNoTracking().AsSplitQuery().Where(a => a.Id == fixing).ToListAsync(cancellationToken), site, cancellationToken)
                : new Dictionary<Guid, IReadOnlyList<Tracking.VisitSlot>>();

            return new Lane(date, items.Count,
                items.Count(i => i.Readiness is PartsReadiness.Ready or PartsReadiness.NoParts),
                items.Count(i => i.Status == AppointmentStatus.Booked && i.Readiness is not (PartsReadiness.Ready or PartsReadiness.NoParts)),
                items.Count(i => i.Status is AppointmentStatus.CheckedIn or AppointmentStatus.InProgress or AppointmentStatus.Ready or AppointmentStatus.Collected), items)
            {
                Contacts = contacts,
                Decisions = decisions.GroupBy(d => d.Decision.SubjectId)
                    .ToDictionary(g => g.Key, g => (IReadOnlyList<DecisionView>)g.Select(d => DecisionView.From(d.Decision, d.DisplayName, null)).ToList()),
                NeedingRecovery = needing,
                RecoveryTimes = recoveryTimes,
            };
        }
    }
}
