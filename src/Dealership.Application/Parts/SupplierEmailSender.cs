using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Notifications;
using Dealership.Domain.Parts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dealership.Application.Parts;

/// <summary>
/// Sends supplier emails that are due (part of the dispatcher run, so the after-commit signal and the minutely
/// sweep cover both). A failure waits and retries with back-off; five failures leave it dead for the clerk.
/// </summary>
public sealed class SupplierEmailSender(DealershipDbContext db, IEmailChannel email, UnitOfWork unit, TimeProvider clock, ILogger<SupplierEmailSender> logger)
{
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.SupplierEmails.Where(e => e.Status == SupplierEmailStatus.Pending && e.DueAt <= now).OrderBy(e => e.DueAt).Take(50).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var outgoing = due.Select(e => new OutgoingEmail(e.Id, e.To, e.ToName, e.Subject, e.Body, "", $"parts-order-{e.PartsOrderId:N}@dealership.local")).ToList();
        IReadOnlyList<SendResult> results;
        try
        {
            results = await email.SendAsync(outgoing, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Supplier email batch of {Count} failed", outgoing.Count);
            results = outgoing.Select(_ => SendResult.Transient(ex.Message)).ToList();
        }

        for (var i = 0; i < due.Count; i++)
        {
            if (results[i].Succeeded)
            {
                due[i].MarkSent(now);
            }
            else
            {
                due[i].MarkFailed(results[i].Error ?? "Unknown error", now);
            }
        }

        await unit.SaveAsync(ct);
        return due.Count;
    }
}
