using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Service;
using Dealership.Domain.Sites;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

/// <summary>An advisor's day: labour left and the drop-off times still free.</summary>
public sealed record AdvisorAvailability(Guid StaffId, string Name, int RemainingMinutes, IReadOnlyList<DateTime> Slots);

/// <summary>One day of the workshop: capacity, what is booked, and per advisor what is still free.</summary>
public sealed record WorkshopDayAvailability(DateOnly Date, bool Open, int CapacityMinutes, int BookedMinutes, int RemainingMinutes,
    IReadOnlyList<AdvisorAvailability> Advisors);

/// <summary>
/// Workshop capacity per site and day (labour minutes) and per advisor, and the drop-off slots that follow
/// from opening hours. Bookings, walk-ins, moves and cancellations all go through <see cref="ReserveAsync"/> /
/// <see cref="ReleaseAsync"/>, which change the day's row (serialised by its version token).
/// </summary>
public sealed class WorkshopCapacity(DealershipDbContext db, TimeProvider clock, Common.StaffNames staffNames)
{
    /// <summary>Drop-offs stop this long before closing: the car must be seen the same day.</summary>
    public const int LastDropOffBeforeCloseMinutes = 60;

    public async Task<IReadOnlyList<WorkshopDayAvailability>> AvailabilityAsync(Site site, DateOnly from, DateOnly to, int labourMinutes,
        Guid? onlyAdvisor, Guid? ignoreAppointment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        return Availability(site, from, to, labourMinutes, await BookingsAsync(site, from, to, onlyAdvisor, ignoreAppointment, ct));
    }

    /// <summary>
    /// Availability for several windows of <paramref name="days"/> days at one site, each from its own first day and for
    /// its own length of visit (the lane's visits that need new times). Windows that overlap share one read of the
    /// bookings: read per window, a lane with a hundred visits at risk read the same three weeks a dozen times.
    /// </summary>
    public async Task<IReadOnlyDictionary<(DateOnly From, int LabourMinutes), IReadOnlyList<WorkshopDayAvailability>>> AvailabilityAsync(Site site,
        IReadOnlyCollection<(DateOnly From, int LabourMinutes)> windows, int days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(windows);
        if (windows.Count == 0)
        {
            return new Dictionary<(DateOnly, int), IReadOnlyList<WorkshopDayAvailability>>();
        }

        // Windows that start within one window's length of each other share a read; one that starts far later (parts
        // months away) gets its own, so it never stretches everyone's read over the months between.
        var result = new Dictionary<(DateOnly From, int LabourMinutes), IReadOnlyList<WorkshopDayAvailability>>();
        var ordered = windows.Distinct().OrderBy(w => w.From).ToList();
        while (result.Count < ordered.Count)
        {
            var first = ordered[result.Count].From;
            var group = ordered.Skip(result.Count).TakeWhile(w => w.From <= first.AddDays(days)).ToList();
            var bookings = await BookingsAsync(site, first, group[^1].From.AddDays(days), null, null, ct);
            foreach (var window in group)
            {
                result[window] = Availability(site, window.From, window.From.AddDays(days), window.LabourMinutes, bookings);
            }
        }

        return result;
    }

    private sealed record Booked(Guid AdvisorStaffId, DateOnly Date, DateTime StartsAt, int LabourMinutes, bool WalkIn);

    /// <summary>What is taken in a stretch of days: the advisors, each day's booked minutes, and the visits by advisor and day.</summary>
    private sealed record Bookings(List<(Guid Id, string Name)> Advisors, Dictionary<DateOnly, int> DayMinutes, ILookup<(Guid, DateOnly), Booked> Visits,
        (DateOnly Date, int LabourMinutes)? Ignored);

    private async Task<Bookings> BookingsAsync(Site site, DateOnly from, DateOnly to, Guid? onlyAdvisor, Guid? ignoreAppointment, CancellationToken ct)
    {
        var advisors = await AdvisorsAsync(site.Id, ct);
        if (onlyAdvisor is { } only)
        {
            advisors = advisors.Where(a => a.Id == only).ToList();
        }

        var days = await db.WorkshopDays.AsNoTracking().Where(d => d.SiteId == site.Id && d.Date >= from && d.Date <= to)
            .ToDictionaryAsync(d => d.Date, d => d.BookedMinutes, ct);
        var booked = await db.Appointments.AsNoTracking()
            .Where(a => a.SiteId == site.Id && a.Date >= from && a.Date <= to && a.Status != AppointmentStatus.Cancelled && a.Id != ignoreAppointment)
            .Select(a => new Booked(a.AdvisorStaffId, a.Date, a.StartsAt, a.LabourMinutes, a.WalkIn))
            .ToListAsync(ct);
        // The visit being moved does not count against the day it is leaving.
        var ignored = ignoreAppointment is null ? null : await db.Appointments.AsNoTracking()
            .Where(a => a.Id == ignoreAppointment && a.Status != AppointmentStatus.Cancelled)
            .Select(a => new { a.Date, a.LabourMinutes }).FirstOrDefaultAsync(ct);
        return new Bookings(advisors, days, booked.ToLookup(b => (b.AdvisorStaffId, b.Date)), ignored is null ? null : (ignored.Date, ignored.LabourMinutes));
    }

    private List<WorkshopDayAvailability> Availability(Site site, DateOnly from, DateOnly to, int labourMinutes, Bookings bookings)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var result = new List<WorkshopDayAvailability>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var hours = site.HoursOn(date.DayOfWeek);
            var dayBooked = bookings.DayMinutes.GetValueOrDefault(date) - (bookings.Ignored?.Date == date ? bookings.Ignored.Value.LabourMinutes : 0);
            var remaining = Math.Max(0, site.WorkshopMinutesPerDay - dayBooked);
            if (hours is null)
            {
                result.Add(new WorkshopDayAvailability(date, false, 0, 0, 0, []));
                continue;
            }

            var perAdvisor = new List<AdvisorAvailability>();
            foreach (var advisor in bookings.Advisors)
            {
                var theirs = bookings.Visits[(advisor.Id, date)];
                var left = Math.Max(0, site.AdvisorMinutesPerDay - theirs.Sum(b => b.LabourMinutes));
                var taken = theirs.Where(b => !b.WalkIn).Select(b => b.StartsAt).ToHashSet();
                var slots = left >= labourMinutes && remaining >= labourMinutes
                    ? SlotsOn(site, date, hours).Where(s => s > now && !taken.Contains(s)).ToList()
                    : [];
                perAdvisor.Add(new AdvisorAvailability(advisor.Id, advisor.Name, left, slots));
            }

            result.Add(new WorkshopDayAvailability(date, true, site.WorkshopMinutesPerDay, dayBooked, remaining, perAdvisor));
        }

        return result;
    }

    /// <summary>Drop-off times on a day: every slot interval from opening until an hour before closing (UTC).</summary>
    public static IEnumerable<DateTime> SlotsOn(Site site, DateOnly date, OpeningHours hours)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(hours);
        var last = hours.Closes.AddMinutes(-LastDropOffBeforeCloseMinutes);
        for (var t = hours.Opens; t <= last && t >= hours.Opens; t = t.AddMinutes(site.ServiceSlotMinutes))
        {
            yield return site.ToUtc(date.ToDateTime(t));
        }
    }

    /// <summary>How far ahead a visit can be booked or moved, by staff or by the customer: about six months.</summary>
    public const int BookingHorizonDays = 183;

    /// <summary>Checks a requested drop-off time against the site's slots and the booking horizon; returns its local date.</summary>
    public DateOnly CheckSlot(Site site, DateTime startsAt)
    {
        ArgumentNullException.ThrowIfNull(site);
        var local = site.ToLocal(startsAt);
        var date = DateOnly.FromDateTime(local);
        var hours = site.HoursOn(date.DayOfWeek);
        if (hours is null)
        {
            throw new DomainRuleException($"{site.Name} is closed on {local:dddd}s. Pick a time from the availability.", "closed");
        }

        if (!SlotsOn(site, date, hours).Contains(startsAt))
        {
            throw new DomainRuleException($"{local:h:mm tt} is not a drop-off time at {site.Name}: drop-offs are every {site.ServiceSlotMinutes} minutes from {hours.Opens:h:mm tt} to {hours.Closes.AddMinutes(-LastDropOffBeforeCloseMinutes):h:mm tt}.", "not-a-slot");
        }

        if (startsAt <= clock.GetUtcNow().UtcDateTime)
        {
            throw new DomainRuleException("That time has passed. Pick a time from the availability.", "slot-in-past");
        }

        if (date > DateOnly.FromDateTime(site.ToLocal(clock.GetUtcNow().UtcDateTime)).AddDays(BookingHorizonDays))
        {
            throw new DomainRuleException($"Visits can be booked up to {BookingHorizonDays} days ahead. Pick an earlier day.", "beyond-horizon");
        }

        return date;
    }

    /// <summary>
    /// Takes <paramref name="minutes"/> of labour on the day for the advisor. Refuses overbooking of the workshop,
    /// of the advisor, and a drop-off time the advisor already has.
    /// </summary>
    public async Task ReserveAsync(Site site, DateOnly date, DateTime startsAt, bool walkIn, int minutes, Guid advisorId, Guid? ignoreAppointment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        var day = await DayAsync(site.Id, date, ct);
        // The advisor's day in one read (a booking holds the write lock meanwhile): their booked minutes and any drop-off at
        // that time. The day narrows the search to the (advisor, date) index: a drop-off time falls on one local day.
        var advisorDay = await AdvisorDayOf(db, advisorId, date, startsAt, ignoreAppointment, ct);
        var advisorBooked = advisorDay?.Minutes ?? 0;
        if (!walkIn && advisorDay is { DropOffsThen: > 0 })
        {
            throw new DomainRuleException("The advisor already has a car dropping off at that time. Pick another time or advisor.", "slot-taken");
        }

        // The refusal names the advisor: a booking has read the site's advisors, names and all, already.
        var name = await staffNames.NameOfAsync(advisorId, ct) ?? "The advisor";
        day.Book(minutes, site.WorkshopMinutesPerDay, advisorBooked, site.AdvisorMinutesPerDay, name);
    }

    public async Task ReleaseAsync(Guid siteId, DateOnly date, int minutes, CancellationToken ct) =>
        (await DayAsync(siteId, date, ct)).Release(minutes);

    /// <summary>Service advisors working at the site, by name (remembered for the rest of the unit: its view and messages name them).</summary>
    public async Task<List<(Guid Id, string Name)>> AdvisorsAsync(Guid siteId, CancellationToken ct)
    {
        var advisors = (await AdvisorsOf(db, siteId).ToListAsync(ct)).Select(a => (a.Id, a.Name)).ToList();
        foreach (var (id, name) in advisors)
        {
            staffNames.Remember(id, name);
        }

        return advisors;
    }

    private async Task<WorkshopDay> DayAsync(Guid siteId, DateOnly date, CancellationToken ct)
    {
        // The unit's own copy first (a day it added and has not saved, or read already), without scanning every tracked row
        // for changes under the write lock.
        var day = db.Tracked<WorkshopDay>().FirstOrDefault(d => d.SiteId == siteId && d.Date == date)
            ?? await DayOf(db, siteId, date, ct);
        if (day is null)
        {
            // Two first bookings of a day race on the unique (site, date) index: one wins, the other gets 409.
            day = new WorkshopDay(siteId, date);
            db.WorkshopDays.Add(day);
        }

        return day;
    }

    private sealed record AdvisorDay(int Minutes, int DropOffsThen);

    private sealed record Advisor(Guid Id, string Name);

    // Compiled: a booking asks each of these while it holds SQLite's write lock, where EF's per-call work on an ordinary
    // query (reading the expression for its parameters, finding its plan) holds every other writer back too (with the
    // outbox's lookups: bookings 243 -> 304 a second side by side, session 24). Availability asks for the advisors too.
    private static readonly Func<DealershipDbContext, Guid, DateOnly, DateTime, Guid?, CancellationToken, Task<AdvisorDay?>> AdvisorDayOf =
        EF.CompileAsyncQuery((DealershipDbContext db, Guid advisorId, DateOnly date, DateTime startsAt, Guid? ignoreAppointment, CancellationToken _) =>
            db.Appointments
                .Where(a => a.AdvisorStaffId == advisorId && a.Date == date && a.Status != AppointmentStatus.Cancelled && a.Id != ignoreAppointment)
                .GroupBy(a => 1)
                .Select(g => new AdvisorDay(g.Sum(a => a.LabourMinutes), g.Count(a => a.StartsAt == startsAt && !a.WalkIn)))
                .FirstOrDefault());

    private static readonly Func<DealershipDbContext, Guid, IAsyncEnumerable<Advisor>> AdvisorsOf =
        EF.CompileAsyncQuery((DealershipDbContext db, Guid siteId) => db.StaffSites.Where(s => s.SiteId == siteId)
            .Join(db.UserRoles, s => s.StaffUserId, ur => ur.UserId, (s, ur) => ur)
            .Join(db.Roles.Where(r => r.Name == StaffRoles.ServiceAdvisor), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
            .Join(db.Users.Where(u => u.IsActive), id => id, u => u.Id, (id, u) => u)
            .OrderBy(u => u.DisplayName)
            .Select(u => new Advisor(u.Id, u.DisplayName)));

    // Tracked: the booking changes the day it reads.
    private static readonly Func<DealershipDbContext, Guid, DateOnly, CancellationToken, Task<WorkshopDay?>> DayOf =
        EF.CompileAsyncQuery((DealershipDbContext db, Guid siteId, DateOnly date, CancellationToken _) =>
            db.WorkshopDays.AsTracking().FirstOrDefault(d => d.SiteId == siteId && d.Date == date));
}
