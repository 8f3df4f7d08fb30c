using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Notifications;
using Dealership.Domain.Parts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dealership.Application.Parts;

/// <summary>
/// Sends supplier emails that are due, while the ordering site is open (part of the dispatcher run, so the
/// after-commit signal and the minutely sweep cover both). A failure waits and retries with back-off; five failures leave it dead for the clerk.
/// </summary>
public sealed class SupplierEmailSender(DealershipDbContext db, IEmailChannel email, UnitOfWork unit, TimeProvider clock, ILogger<SupplierEmailSender> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.SupplierEmails.Where(e => e.Status == SupplierEmailStatus.Pending && e.DueAt <= now).OrderBy(e => e.DueAt).Take(50).ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return 0;
        }

        // Only while the ordering site is open: outside its hours the email waits for the next opening.
        var orderIds = candidates.Select(e => e.PartsOrderId).ToList();
        var siteOf = await db.PartsOrders.AsNoTracking().Where(o => orderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.SiteId, ct);
        var siteIds = siteOf.Values.Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var due = new List<SupplierEmail>();
        foreach (var candidate in candidates)
        {
            if (siteOf.TryGetValue(candidate.PartsOrderId, out var siteId) && sites[siteId].NextOpenAt(now) is { } opens && opens > now)
            {
                candidate.HoldUntil(opens);
            }
            else
            {
                due.Add(candidate);
            }
        }

        if (due.Count == 0)
        {
            await unit.SaveAsync(ct);
            return 0;
        }

        // Claim the batch first (one save, version-checked): a worker that loses the race sends none of it.
        foreach (var claimed in due)
        {
            claimed.Lease(now, Lease);
        }

        try
        {
            await unit.SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return 0;
        }

        var outgoing = due.Select(e => new OutgoingEmail(e.Id, e.To, e.ToName, e.Subject, e.Body, "", $"parts-order-{e.PartsOrderId:N}@dealership.local")).ToList();
        // As for customers' messages: recorded one by one, so a crash later in the batch re-sends only the email on
        // the wire; no email starts in the second half of the lease, so none is sent twice.
        await EmailBatchSending.SendAsync(email, outgoing, () => clock.GetUtcNow().UtcDateTime < now + Lease / 2, async (i, result) =>
            {
                var at = clock.GetUtcNow().UtcDateTime;
                if (!result.Attempted)
                {
                    due[i].ReturnUnattempted(at);
                }
                else if (result.Succeeded)
                {
                    due[i].MarkSent(at);
                }
                else
                {
                    due[i].MarkFailed(result.Error ?? "Unknown error", at);
                }

                await unit.SaveOrLetGoAsync(ct);
            },
            ex => logger.LogWarning(ex, "Supplier email batch of {Count} failed", outgoing.Count), ct);

        return due.Count;
    }
}
