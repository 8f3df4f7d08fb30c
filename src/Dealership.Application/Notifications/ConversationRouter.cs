using System.Globalization;
using Dealership.Application.Data;
using Dealership.Domain.Customers;
using Dealership.Domain.Journey;
using Dealership.Domain.Sites;
using Dealership.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dealership.Application.Notifications;

/// <summary>
/// Where a customer's words go, whichever way they came (a text, the tracking page): to the person who owns
/// what the customer is waiting for, the salesperson of their most recent open order or the advisor of their
/// most recent open visit, whichever is newer; with neither (or an owner who has left), to the site's team
/// queue that its managers work. The answer is promised within the site's opening hours ("by 9:30 AM Monday").
/// </summary>
public sealed class ConversationRouter(DealershipDbContext db, IOptions<NotificationOptions> options)
{
    /// <summary>The task written, who owns it, and the promised answer time in both languages.</summary>
    public sealed record Routed(StaffTask Task, Site Site, Customer? Primary, string? OwnerName, string AnswerBy, string AnswerByEs);

    /// <summary>Who owns what these customers are waiting for: the subject (order, visit or customer), its owner (null: the team queue) and site.</summary>
    public sealed record Ownership(string SubjectType, Guid? SubjectId, Guid? OwnerId, Guid? SiteId, Guid? CustomerId);

    public async Task<Routed> RouteAsync(IReadOnlyList<Customer> customers, string titlePrefix, string from, string body, string touchpointPrefix, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(body);
        var (subjectType, subjectId, ownerId, siteId, customerId) = await OwnerAsync(customers, ct);
        var first = customers.Count > 0 ? customers[0] : null;

        var site = siteId is { } known
            ? await db.Sites.AsNoTracking().FirstAsync(s => s.Id == known, ct)
            : await db.Sites.AsNoTracking().OrderBy(s => s.Name).FirstAsync(ct);
        var primary = customers.FirstOrDefault(c => c.Id == customerId) ?? first;
        var due = site.AddOpenTime(now, options.Value.ReplyAnswerWithin);
        var names = customers.Count == 0 ? from : string.Join(", ", customers.Select(c => c.FullName));
        var title = customers.Count > 1 ? $"{titlePrefix} {from} (shared by {names})" : $"{titlePrefix} {names}";

        // The customer the message is about comes first: the inbox answers them.
        var task = new StaffTask(site.Id, ownerId, title, body.Trim(), due, primary is null ? null : subjectType, primary is null ? null : subjectId,
            customers.OrderBy(c => c.Id == primary?.Id ? 0 : 1).Select(c => c.Id), now);
        db.Tasks.Add(task);
        foreach (var customer in customers)
        {
            db.Touchpoints.Add(new Touchpoint(customer.Id, customer.RegisteredAtSiteId, now, TouchpointKind.CustomerReply, TouchpointDirection.Inbound,
                TouchpointActor.Customer, proactive: false, $"{touchpointPrefix}: {Shorten(body)}", subjectType: "task", subjectId: task.Id));
        }

        var ownerName = ownerId is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        return new Routed(task, site, primary, ownerName, AnswerBy(site, now, due, spanish: false), AnswerBy(site, now, due, spanish: true));
    }

    /// <summary>The salesperson of the newest open order or the advisor of the newest open visit; else the customer's registered site's team queue.</summary>
    public async Task<Ownership> OwnerAsync(IReadOnlyList<Customer> customers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var ids = customers.Select(c => c.Id).ToList();
        var order = await db.Orders.AsNoTracking()
            .Where(o => ids.Contains(o.CustomerId) && o.CancelledAt == null && o.Status != Domain.Orders.OrderMilestone.Delivered)
            .OrderByDescending(o => o.UpdatedAt).Select(o => new { o.Id, o.CustomerId, o.SiteId, Owner = o.OwnerStaffId, At = o.UpdatedAt })
            .FirstOrDefaultAsync(ct);
        var visit = await db.Appointments.AsNoTracking()
            .Where(a => ids.Contains(a.CustomerId) && (a.Status == Domain.Service.AppointmentStatus.Booked || a.Status == Domain.Service.AppointmentStatus.CheckedIn))
            .OrderByDescending(a => a.StartsAt).Select(a => new { a.Id, a.CustomerId, a.SiteId, Owner = a.AdvisorStaffId, At = a.StartsAt })
            .FirstOrDefaultAsync(ct);
        var first = customers.Count > 0 ? customers[0] : null;
        var (subjectType, subjectId, ownerId, siteId, customerId) = (order, visit) switch
        {
            ({ } o, { } v) when v.At > o.At => ("appointment", (Guid?)v.Id, (Guid?)v.Owner, (Guid?)v.SiteId, (Guid?)v.CustomerId),
            ({ } o, _) => ("order", o.Id, o.Owner, o.SiteId, o.CustomerId),
            (null, { } v) => ("appointment", v.Id, v.Owner, v.SiteId, v.CustomerId),
            _ => ("customer", first?.Id, null, first?.RegisteredAtSiteId, first?.Id),
        };
        if (ownerId is { } owner && !await db.Users.AnyAsync(u => u.Id == owner && u.IsActive, ct))
        {
            ownerId = null; // they left: the team queue answers instead
        }

        return new Ownership(subjectType, subjectId, ownerId, siteId, customerId);
    }

    /// <summary>"4:30 PM" today, "9:30 AM Monday" on another day; Spanish "las 16:30" / "las 9:30 del lunes".</summary>
    public static string AnswerBy(Site site, DateTime now, DateTime due, bool spanish)
    {
        ArgumentNullException.ThrowIfNull(site);
        var local = site.ToLocal(due);
        var sameDay = local.Date == site.ToLocal(now).Date;
        var culture = CultureInfo.GetCultureInfo(spanish ? "es-US" : "en-US");
        return (spanish, sameDay) switch
        {
            (false, true) => local.ToString("h:mm tt", culture),
            (false, false) => local.ToString("h:mm tt dddd", culture),
            (true, true) => "las " + local.ToString("H:mm", culture),
            (true, false) => "las " + local.ToString("H:mm", culture) + " del " + local.ToString("dddd", culture),
        };
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..197] + "..." : text.Trim();
}
