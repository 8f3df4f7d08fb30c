using Dealership.Domain.Common;

namespace Dealership.Domain.Tasks;

/// <summary>
/// An item in a staff member's inbox: something a person must do by a time (answer a customer's reply,
/// chase a late milestone). Owned by one person, or by the managers of a site when nobody else owns it.
/// </summary>
public sealed class StaffTask : AggregateRoot
{
    private StaffTask() { }

    public StaffTask(Guid siteId, Guid? ownerStaffId, string title, string detail, DateTime dueAt, string? subjectType, Guid? subjectId,
        IEnumerable<Guid> customerIds, DateTime now, string? deduplicationKey = null)
    {
        DeduplicationKey = deduplicationKey;
        SiteId = siteId;
        OwnerStaffId = ownerStaffId;
        Title = title.Length > 200 ? title[..200] : title;
        Detail = detail.Length > 2000 ? detail[..2000] : detail;
        DueAt = dueAt;
        SubjectType = subjectType;
        SubjectId = subjectId;
        CustomerIds = string.Join(',', customerIds.Distinct());
        CreatedAt = now;
        Status = StaffTaskStatus.Open;
    }

    public Guid SiteId { get; private set; }

    /// <summary>The person who must act; null means the site's managers share it.</summary>
    public Guid? OwnerStaffId { get; private set; }

    public string Title { get; private set; } = "";

    public string Detail { get; private set; } = "";

    public DateTime DueAt { get; private set; }

    public string? SubjectType { get; private set; }

    public Guid? SubjectId { get; private set; }

    /// <summary>Every customer the task concerns (several when a reply came from a shared number).</summary>
    public string CustomerIds { get; private set; } = "";

    public IReadOnlyList<Guid> CustomerIdList => CustomerIds.Length == 0 ? [] : CustomerIds.Split(',').Select(Guid.Parse).ToList();

    public StaffTaskStatus Status { get; private set; }

    /// <summary>Set for tasks raised by jobs (the watchdog): the same issue never raises a second task.</summary>
    public string? DeduplicationKey { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? DoneAt { get; private set; }

    /// <summary>Who closed it; null when it closed itself because its cause was resolved.</summary>
    public Guid? DoneBy { get; private set; }

    /// <summary>Whether the task is about this customer (a reply from a shared number concerns several).</summary>
    public bool Concerns(Guid customerId) => CustomerIdList.Contains(customerId);

    /// <summary>
    /// A person closes the task: its owner, or a manager of its site (who may close anything there, including
    /// the unowned team queue). Anyone else is refused, so nobody can make another person's work disappear.
    /// </summary>
    public void Complete(Guid staffId, bool managesSite, DateTime now)
    {
        if (OwnerStaffId != staffId && !managesSite)
        {
            throw new DomainRuleException("This task belongs to someone else; only its owner or a manager of the site can close it.", "task-not-yours");
        }

        Close(staffId, now);
    }

    /// <summary>A person answers the customer the task is about, which resolves it; the same ownership rule applies.</summary>
    public void CompleteByAnswering(Guid customerId, Guid staffId, bool managesSite, DateTime now)
    {
        if (!Concerns(customerId))
        {
            throw new DomainRuleException("This task is about another customer; answer it from the task itself.", "task-other-customer");
        }

        Complete(staffId, managesSite, now);
    }

    /// <summary>
    /// Hands the conversation to a colleague at the site, or back to the site's team queue (null). Its owner or
    /// a manager of the site may do it; the answer-by time stays, so a handover never buys time.
    /// </summary>
    public void Reassign(Guid? toStaffId, Guid byStaffId, bool managesSite)
    {
        if (Status == StaffTaskStatus.Done)
        {
            throw new DomainRuleException("This task is already closed; there is nothing to hand over.", "task-closed");
        }

        if (OwnerStaffId != byStaffId && !managesSite)
        {
            throw new DomainRuleException("This task belongs to someone else; only its owner or a manager of the site can hand it over.", "task-not-yours");
        }

        if (toStaffId == OwnerStaffId)
        {
            throw new DomainRuleException(toStaffId is null ? "The task is already with the team queue." : "The task is already with that person.", "task-same-owner");
        }

        OwnerStaffId = toStaffId;
        RecordChange();
    }

    /// <summary>
    /// The act that the task asked for happened (the late milestone was recorded, the promise moved, the silent
    /// customer heard from us): the task closes itself, with nobody's name on it.
    /// </summary>
    public void Resolve(DateTime now) => Close(null, now);

    private void Close(Guid? staffId, DateTime now)
    {
        if (Status == StaffTaskStatus.Done)
        {
            return;
        }

        Status = StaffTaskStatus.Done;
        DoneAt = now;
        DoneBy = staffId;
        RecordChange();
    }
}

public enum StaffTaskStatus
{
    Open,
    Done,
}
