using Dealership.Domain.Common;

namespace Dealership.Domain.Parts;

/// <summary>
/// A parts order on its way to a supplier's inbox: an outbox row written in the same transaction as the
/// order being sent, and delivered by the dispatcher job (one row per order, unique, so it goes once).
/// </summary>
public sealed class SupplierEmail : AggregateRoot
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4)];

    private SupplierEmail() { }

    public SupplierEmail(Guid partsOrderId, string to, string toName, string subject, string body, DateTime now)
    {
        PartsOrderId = partsOrderId;
        To = to;
        ToName = toName;
        Subject = subject;
        Body = body;
        CreatedAt = now;
        DueAt = now;
        Status = SupplierEmailStatus.Pending;
    }

    public Guid PartsOrderId { get; private set; }

    public string To { get; private set; } = "";

    public string ToName { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public SupplierEmailStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime DueAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? SentAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>
    /// Claims the email for one sender for <paramref name="lease"/>: saved with the version check, so of two
    /// workers only one holds it; if that one dies before sending, the lease runs out and another sends it.
    /// </summary>
    public void Lease(DateTime now, TimeSpan lease)
    {
        if (Status != SupplierEmailStatus.Pending)
        {
            throw new DomainRuleException("Only an email waiting to go out can be claimed.");
        }

        DueAt = now + lease;
        RecordChange();
    }

    /// <summary>The sender gave the lease back without sending (it ran out of time for this one): due again now.</summary>
    public void ReturnUnattempted(DateTime now)
    {
        if (Status != SupplierEmailStatus.Pending)
        {
            return;
        }

        DueAt = now;
        RecordChange();
    }

    /// <summary>Waits for the site to open: an order emailed at midnight sits unread, and a counter clerk should see it first thing.</summary>
    public void HoldUntil(DateTime opensAt)
    {
        if (Status != SupplierEmailStatus.Pending || opensAt <= DueAt)
        {
            return;
        }

        DueAt = opensAt;
        RecordChange();
    }

    public void MarkSent(DateTime now)
    {
        Status = SupplierEmailStatus.Sent;
        SentAt = now;
        Attempts++;
        RecordChange();
    }

    public void MarkFailed(string error, DateTime now)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        if (Attempts > Backoff.Length)
        {
            Status = SupplierEmailStatus.Dead;
        }
        else
        {
            DueAt = now + Backoff[Attempts - 1];
        }

        RecordChange();
    }
}

public enum SupplierEmailStatus
{
    Pending,
    Sent,
    Dead,
}
