using Dealership.Domain.Common;

namespace Dealership.Domain.Journey;

/// <summary>
/// One moment of contact between the dealership and a customer, on one timeline per customer: a message
/// sent, delivered or failed, a reply, a consent change, a visit, a status change. Immutable once written.
/// </summary>
public sealed class Touchpoint : Entity
{
    private Touchpoint() { }

    public Touchpoint(Guid customerId, Guid? siteId, DateTime occurredAt, TouchpointKind kind, TouchpointDirection direction,
        TouchpointActor actor, bool proactive, string summary, Guid? staffId = null, string? subjectType = null, Guid? subjectId = null)
    {
        CustomerId = customerId;
        SiteId = siteId;
        OccurredAt = occurredAt;
        Kind = kind;
        Direction = direction;
        Actor = actor;
        Proactive = proactive;
        Summary = summary.Length > 500 ? summary[..500] : summary;
        StaffId = staffId;
        SubjectType = subjectType;
        SubjectId = subjectId;
    }

    public Guid CustomerId { get; private set; }

    public Guid? SiteId { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public TouchpointKind Kind { get; private set; }

    public TouchpointDirection Direction { get; private set; }

    /// <summary>Who acted: the dealer (staff, or the system on the dealer's behalf) or the customer.</summary>
    public TouchpointActor Actor { get; private set; }

    /// <summary>True when the dealer reached out before the customer asked; false for answers and chasing.</summary>
    public bool Proactive { get; private set; }

    public string Summary { get; private set; } = "";

    public Guid? StaffId { get; private set; }

    /// <summary>What it is about ("notification", "task", later "order", "appointment"), with its id.</summary>
    public string? SubjectType { get; private set; }

    public Guid? SubjectId { get; private set; }
}

public enum TouchpointKind
{
    MessageSent,
    MessageDelivered,
    MessageFailed,
    CustomerReply,
    ConsentChanged,
    StaffNote,
    StatusChanged,
    PromiseChanged,

    /// <summary>A phone call, logged by the staff member who made or took it.</summary>
    Call,

    /// <summary>The customer came in (without a booking or a handover), logged by staff.</summary>
    Visit,
}

public enum TouchpointDirection
{
    Outbound,
    Inbound,
    Internal,
}

public enum TouchpointActor
{
    Dealer,
    Customer,
}
