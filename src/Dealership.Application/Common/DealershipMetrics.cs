using System.Diagnostics.Metrics;
using Dealership.Application.Data;
using Dealership.Domain.Decisions;
using Dealership.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Common;

/// <summary>
/// The business signals an operator watches, on the "Dealership" meter (exported over OTLP by the host when
/// configured; deploy/README.md lists them): messages sent, failed and dead per channel, the age of the oldest
/// message still waiting to go, recurring jobs running late, watchdog findings and approvals waiting. Counters
/// are counted where the thing happens; the gauges read the last sample the host takes every half minute.
/// Tags never carry personal data: a channel name at most.
/// </summary>
public sealed class DealershipMetrics : IDisposable
{
    public const string MeterName = "Dealership";

    private readonly Meter _meter;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _dead;
    private readonly Counter<long> _findings;
    private readonly Counter<long> _reruns;
    private OperationsSample _sample = new(0, 0, 0, 0);

    public DealershipMetrics(IMeterFactory meters, Orders.BoardRankings boardRankings)
    {
        ArgumentNullException.ThrowIfNull(boardRankings);
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        _sent = _meter.CreateCounter<long>("dealership.notifications.sent", "{message}", "Customer messages accepted by the email or SMS provider");
        _failed = _meter.CreateCounter<long>("dealership.notifications.failed", "{message}", "Send attempts that failed and will be retried");
        _dead = _meter.CreateCounter<long>("dealership.notifications.dead", "{message}", "Messages given up on after their last retry");
        _findings = _meter.CreateCounter<long>("dealership.watchdog.findings", "{finding}", "Orders the watchdog found late or silent (staff alerted or customer updated)");
        _reruns = _meter.CreateCounter<long>("dealership.units.rerun", "{unit}", "Commands that read before the write lock, found a read gone stale at the save, and ran again in turn");
        _meter.CreateObservableCounter("dealership.board.rankings", () => boardRankings.Computed, "{ranking}",
            "Deliveries board rankings worked out in the database rather than kept (ADR 0029): against the board's requests, how well keeping works");
        _meter.CreateObservableGauge("dealership.outbox.oldest_age", () => _sample.OldestWaitingSeconds, "s", "How long the oldest message due now has waited to go out");
        _meter.CreateObservableGauge("dealership.outbox.waiting", () => _sample.Waiting, "{message}", "Messages due now and not yet sent");
        _meter.CreateObservableGauge("dealership.approvals.waiting", () => _sample.ApprovalsWaiting, "{request}", "Requests waiting for a manager's answer");
        _meter.CreateObservableGauge("dealership.jobs.late", () => _sample.JobsLate, "{job}", "Recurring jobs more than a minute past their next run");
    }

    public sealed record OperationsSample(double OldestWaitingSeconds, long Waiting, long ApprovalsWaiting, long JobsLate);

    public void Sent(MessageChannel channel) => _sent.Add(1, Channel(channel));

    public void Failed(MessageChannel channel, bool dead)
    {
        _failed.Add(1, Channel(channel));
        if (dead)
        {
            _dead.Add(1, Channel(channel));
        }
    }

    public void UnitRerun() => _reruns.Add(1);

    public void WatchdogFindings(int count)
    {
        if (count > 0)
        {
            _findings.Add(count);
        }
    }

    /// <summary>Reads the gauges' facts from the database (two small aggregate queries); the host calls it on a timer.</summary>
    public async Task SampleAsync(DealershipDbContext db, DateTime now, int jobsLate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var waiting = db.Notifications.Where(n => n.DueAt <= now &&
            (n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Failed || n.Status == NotificationStatus.Deferred || n.Status == NotificationStatus.Sending));
        var count = await waiting.CountAsync(ct);
        var oldest = count == 0 ? (DateTime?)null : await waiting.MinAsync(n => (DateTime?)n.DueAt, ct);
        var approvals = await db.Decisions.CountAsync(d => d.Status == DecisionStatus.AwaitingApproval, ct);
        _sample = new OperationsSample(oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0, count, approvals, jobsLate);
    }

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?> Channel(MessageChannel channel) => new("channel", channel == MessageChannel.Sms ? "sms" : "email");
}
