using System.Text.Json;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Notifications;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dealership.Application.Notifications;

/// <summary>What one dispatch run did, for logs and tests.</summary>
public sealed record DispatchReport(int Sent, int Failed, int Suppressed, int Reconciled);

/// <summary>
/// The job that sends the outbox. Each message is claimed (status Sending, with a lease) and that claim is
/// committed before the provider is called, so a second worker or a re-run never sends it again. A claim
/// whose lease expired is reconciled before any re-send: for SMS the provider is asked whether it has the
/// message (matched by the hash of the link token stored before the call); for email the deterministic
/// Message-ID lets mail clients drop a duplicate. Retries and back-off belong to the outbox, not the
/// HTTP client. The one window that cannot be closed: the provider accepted an email and the process died
/// before the claim was marked sent; the email is sent again with the same Message-ID.
/// </summary>
public sealed class NotificationDispatcher(
    DealershipDbContext db,
    IEmailChannel email,
    ISmsChannel sms,
    UnitOfWork unit,
    Parts.SupplierEmailSender supplierEmails,
    Templates.SiteTemplates siteTemplates,
    IPublicLinks links,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    Common.DealershipMetrics metrics,
    Common.CoalescedJobs sweeps,
    ILogger<NotificationDispatcher> logger)
{
    private const int MaxRounds = 5;
    private int _sent;
    private int _failed;
    private int _suppressed;
    private int _reconciled;

    // No job-wide lock: several workers may dispatch at once, because every row is claimed (version-checked)
    // before it is sent. A lock held by a worker that died would stop all messages until it expired.
    [AutomaticRetry(Attempts = 0)]
    public async Task<DispatchReport> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await ReconcileExpiredClaimsAsync(cancellationToken);
        for (var round = 0; ; round++)
        {
            var emails = await SendEmailsAsync(cancellationToken);
            var texts = await SendTextsAsync(cancellationToken);
            if (emails + texts == 0)
            {
                break;
            }

            // Every outcome of the round is saved. Forget its rows: each save scans every tracked row for changes,
            // so a run that kept thousands of them slowed with every batch (10,000 messages ran at 31 a second).
            db.ChangeTracker.Clear();
            if (round == MaxRounds - 1)
            {
                // More may be due (a burst bigger than one run): the next run carries on at once, not at the minutely
                // sweep. Kicks from commits are coalesced, so nothing else may be coming.
                sweeps.Enqueue<NotificationDispatcher>(d => d.DispatchDueAsync(CancellationToken.None));
                break;
            }
        }

        await supplierEmails.SendDueAsync(cancellationToken);
        var report = new DispatchReport(_sent, _failed, _suppressed, _reconciled);
        if (report != new DispatchReport(0, 0, 0, 0))
        {
            logger.LogInformation("Dispatch: {Sent} sent, {Failed} failed, {Suppressed} suppressed, {Reconciled} reconciled", report.Sent, report.Failed, report.Suppressed, report.Reconciled);
        }

        return report;
    }

    private async Task ReconcileExpiredClaimsAsync(CancellationToken ct)
    {
        var now = Now;
        // Longest stuck first: the customers waiting longest are put right first, and each run takes the same batch
        // from the same rows (an unordered batch is whatever the query plan reads first).
        var stuck = await db.Notifications.Where(n => n.Status == NotificationStatus.Sending && n.LeaseUntil < now)
            .OrderBy(n => n.LeaseUntil).ThenBy(n => n.Id).Take(options.Value.BatchSize).ToListAsync(ct);
        foreach (var notification in stuck)
        {
            string? providerId = null;
            if (notification.Channel == MessageChannel.Sms)
            {
                try
                {
                    providerId = await FindAcceptedTextAsync(notification, ct);
                }
                catch (ChannelUnavailableException ex)
                {
                    logger.LogWarning(ex, "Could not ask {Provider} about notification {Id}; will try again", sms.Name, notification.Id);
                    continue;
                }
            }

            if (providerId is not null)
            {
                notification.MarkSent(providerId, Now);
            }
            else
            {
                notification.ReleaseUnsent(Now);
            }

            try
            {
                await unit.SaveAsync(ct);
                _reconciled++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another worker reconciled it first.
                db.Entry(notification).State = EntityState.Detached;
            }
        }
    }

    private async Task<int> SendEmailsAsync(CancellationToken ct)
    {
        var claimed = await ClaimBatchAsync(MessageChannel.Email, ct);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var outgoing = claimed.Select(c => new OutgoingEmail(c.Notification.Id, c.Notification.Recipient!, c.CustomerName,
            c.Rendered.Subject ?? "", c.Rendered.Text, c.Rendered.Html ?? "", MessageIdFor(c.Notification))).ToList();
        var first = claimed[0].Notification;
        await EmailBatchSending.SendAsync(email, outgoing, () => MayStartSending(first), async (i, result) =>
            {
                Record(claimed[i].Notification, result);
                await unit.SaveOrLetGoAsync(ct);
            },
            ex => logger.LogWarning(ex, "Email batch of {Count} failed via {Provider}", outgoing.Count, email.Name), ct);
        return claimed.Count;
    }

    private async Task<int> SendTextsAsync(CancellationToken ct)
    {
        var claimed = await ClaimBatchAsync(MessageChannel.Sms, ct);
        foreach (var item in claimed)
        {
            SendResult result;
            if (!MayStartSending(item.Notification))
            {
                result = SendResult.NotAttempted;
            }
            else
            {
                try
                {
                    var callback = links.SmsStatusCallback(item.Notification.Id);
                    result = await sms.SendAsync(new OutgoingSms(item.Notification.Id, item.Notification.Recipient!, item.Rendered.Text, callback), ct);
                }
                catch (ChannelUnavailableException ex) when (ex.NeverSent)
                {
                    result = SendResult.Transient(ex.Message);
                }
                catch (ChannelUnavailableException ex)
                {
                    // The outcome is unknown: a time-out after Twilio accepted looks just like a refusal. Ask
                    // before the row goes back to the queue, or the retry would text the customer twice.
                    result = await TryFindAcceptedTextAsync(item.Notification, ct) is { } sid ? SendResult.Sent(sid) : SendResult.Transient(ex.Message);
                }
            }

            Record(item.Notification, result);
            if (result.RecipientOptedOut)
            {
                await RecordCarrierOptOutAsync(item.Notification.Recipient!, ct);
            }

            await unit.SaveOrLetGoAsync(ct);
        }

        return claimed.Count;
    }

    /// <summary>Twilio's id for this claim's text if Twilio has it (matched by the hash of the link it carried).</summary>
    private Task<string?> FindAcceptedTextAsync(Notification notification, CancellationToken ct) =>
        notification is { LinkTokenHash: not null, Recipient: not null }
            ? sms.FindSentAsync(notification.Recipient, notification.ClaimedAt ?? notification.CreatedAt, notification.LinkTokenHash, ct)
            : Task.FromResult<string?>(null);

    private async Task<string?> TryFindAcceptedTextAsync(Notification notification, CancellationToken ct)
    {
        try
        {
            return await FindAcceptedTextAsync(notification, ct);
        }
        catch (ChannelUnavailableException)
        {
            // Still unreachable, so most likely never sent: retried on the schedule. The window left open is Twilio
            // accepting, then both its answer and this lookup being lost (RELIABILITY.md names it).
            return null;
        }
    }

    /// <summary>
    /// A send may start only in the first half of the claim's lease. The other half covers the provider's own
    /// time-out (30 s against the 2-minute default lease), so no call is still running when the lease expires and
    /// another worker may reconcile the row and send it again. A slow provider therefore shortens a batch
    /// rather than doubling messages; the rest go back to the queue untried.
    /// </summary>
    private bool MayStartSending(Notification claimed) => Now < (claimed.ClaimedAt ?? DateTime.MinValue) + options.Value.SendLease / 2;

    private void Record(Notification notification, SendResult result)
    {
        if (!result.Attempted)
        {
            notification.ReturnUnattempted(Now);
        }
        else if (result.Succeeded)
        {
            notification.MarkSent(result.ProviderMessageId, Now);
            metrics.Sent(notification.Channel);
            _sent++;
        }
        else
        {
            notification.MarkFailed(result.Error ?? "Unknown error", result.Permanent, Now);
            metrics.Failed(notification.Channel, dead: notification.Status == NotificationStatus.Dead);
            _failed++;
        }
    }

    /// <summary>The provider says the number opted out (e.g. Twilio 21610): record it for every customer with that number.</summary>
    private async Task RecordCarrierOptOutAsync(string phone, CancellationToken ct)
    {
        var now = Now;
        var consent = await db.PhoneConsents.FirstOrDefaultAsync(c => c.PhoneNumber == phone, ct);
        if (consent is null)
        {
            db.PhoneConsents.Add(new PhoneConsent(phone, optedOut: true, "Reported opted out by the SMS provider", now));
        }
        else
        {
            consent.Record(optedOut: true, "Reported opted out by the SMS provider", now);
        }

        foreach (var customer in await db.Customers.Where(c => c.MobilePhone == phone).ToListAsync(ct))
        {
            customer.OptOutOfSms("Reported opted out by the SMS provider", now);
        }
    }

    private sealed record Claimed(Notification Notification, RenderedMessage Rendered, string CustomerName);

    /// <summary>
    /// Picks due messages of one channel, re-checks consent (it may have changed since they were queued),
    /// renders each with a freshly minted link and commits the claims, one row at a time so a row another
    /// worker claimed first is simply skipped.
    /// </summary>
    private async Task<List<Claimed>> ClaimBatchAsync(MessageChannel channel, CancellationToken ct)
    {
        var now = Now;
        var due = await db.Notifications
            .Where(n => n.Channel == channel && n.DueAt <= now &&
                        (n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Deferred || n.Status == NotificationStatus.Failed))
            .OrderBy(n => n.DueAt).ThenBy(n => n.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return [];
        }

        var customerIds = due.Select(n => n.CustomerId).Distinct().ToList();
        var customers = await db.Customers.Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var phones = customers.Values.Where(c => c.MobilePhone != null).Select(c => c.MobilePhone!).Distinct().ToList();
        var optedOut = (await db.PhoneConsents.Where(p => phones.Contains(p.PhoneNumber) && p.OptedOut).Select(p => p.PhoneNumber).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        // A message about no site in particular (the customer changed their preferences) speaks for their own site.
        var siteIds = due.Select(n => n.SiteId ?? customers[n.CustomerId].RegisteredAtSiteId).Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var texts = await siteTemplates.CurrentAsync(siteIds, ct);

        var claimed = new List<Claimed>();
        foreach (var notification in due)
        {
            var customer = customers[notification.CustomerId];
            var allowed = channel == MessageChannel.Sms
                ? customer.CanReceive(sms: true) && !optedOut.Contains(customer.MobilePhone!)
                : customer.CanReceive(sms: false);
            if (!allowed)
            {
                notification.Suppress(channel == MessageChannel.Sms && customer.MobilePhone is not null && optedOut.Contains(customer.MobilePhone) ? SuppressionReason.OptedOut : SuppressionReason.NoConsent, now);
                _suppressed++;
                // Several dispatchers run at once under load: one that lost the row to another lets go of it.
                await unit.SaveOrLetGoAsync(ct);
                continue;
            }

            // Quiet hours are checked again at send time: a retry or a late sweep must not text at 11 PM either.
            if (!QuietHours.MayBreak(notification.Urgent, notification.Proactive) &&
                QuietHours.EndAfter(customer, notification.SiteId is { } quietSite ? sites.GetValueOrDefault(quietSite) : null, now) is { } quietUntil)
            {
                notification.Defer(quietUntil);
                await unit.SaveOrLetGoAsync(ct);
                continue;
            }

            var token = TrackingTokens.NewToken();
            var site = sites.GetValueOrDefault(notification.SiteId ?? customer.RegisteredAtSiteId);
            var data = JsonSerializer.Deserialize<Dictionary<string, string>>(notification.TemplateData) ?? [];
            TemplateContext For(string link) => new(customer.FirstName, site?.Name ?? "Your dealership", link, data, site?.TimeZone, now);
            var rendered = Templates.SiteTemplates.Render(texts, site?.Id, notification.TemplateKey, channel, notification.Language,
                For(links.TrackingPage(token)));
            var masked = Templates.SiteTemplates.Render(texts, site?.Id, notification.TemplateKey, channel, notification.Language,
                For(links.MaskedTrackingPage()));
            var hash = TrackingTokens.Hash(token);
            notification.Claim(now, options.Value.SendLease, hash, rendered.Subject, masked.Text);
            var link = new TrackingLink(customer.Id, notification.Id, hash, now, options.Value.LinkLifetime);
            db.TrackingLinks.Add(link);
            try
            {
                await unit.SaveAsync(ct);
                claimed.Add(new Claimed(notification, rendered, customer.FullName));
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another worker claimed it between our read and our write: it is theirs to send.
                db.Entry(notification).State = EntityState.Detached;
                db.Entry(link).State = EntityState.Detached;
            }
        }

        return claimed;
    }

    /// <summary>Stable per notification: every copy of one message carries the same Message-ID.</summary>
    public static string MessageIdFor(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return $"notification-{notification.Id:N}@dealership.local";
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
