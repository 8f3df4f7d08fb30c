using Dealership.Domain.Common;

namespace Dealership.Domain.Parts;

/// <summary>
/// An order to one supplier for one site: draft (the job or a clerk is still adding lines) → sent (emailed
/// to the supplier) → confirmed (the supplier gave an ETA) → received (every unit booked in). Lines are only
/// added while in draft; a sent order never changes behind the supplier's back.
/// </summary>
public sealed class PartsOrder : AggregateRoot, ISiteScoped
{
    private readonly List<PartsOrderLine> _lines = [];

    private PartsOrder() { }

    public PartsOrder(Guid siteId, Guid supplierId, string reference, DateTime now, Guid? createdBy)
    {
        SiteId = siteId;
        SupplierId = supplierId;
        Reference = reference;
        CreatedAt = now;
        CreatedBy = createdBy;
        Status = PartsOrderStatus.Draft;
    }

    public Guid SiteId { get; private set; }

    public Guid SupplierId { get; private set; }

    /// <summary>What the supplier and the clerk call it, for example "PDX-20261122-3F9A".</summary>
    public string Reference { get; private set; } = "";

    public PartsOrderStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The clerk who created it; null when the pre-ordering job did.</summary>
    public Guid? CreatedBy { get; private set; }

    public DateTime? SentAt { get; private set; }

    public Guid? SentBy { get; private set; }

    /// <summary>When we expect it from the supplier's quoted lead time (latest line).</summary>
    public DateOnly ExpectedEta { get; private set; }

    /// <summary>The date the supplier confirmed, once it has.</summary>
    public DateOnly? ConfirmedEta { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    public DateTime? ReceivedAt { get; private set; }

    /// <summary>The date to plan with: the supplier's confirmation when there is one, else the quoted lead time.</summary>
    public DateOnly Eta => ConfirmedEta ?? ExpectedEta;

    public IReadOnlyList<PartsOrderLine> Lines => _lines;

    public void AddLine(Part part, int quantity, long unitCost, int leadTimeWorkingDays, DateOnly eta)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (Status != PartsOrderStatus.Draft)
        {
            throw new DomainRuleException($"Order {Reference} has been sent to the supplier; add the parts to a new order.", "order-sent");
        }

        if (quantity <= 0)
        {
            throw new DomainRuleException("Order at least one unit.", "quantity-required");
        }

        var line = _lines.FirstOrDefault(l => l.PartId == part.Id);
        if (line is null)
        {
            _lines.Add(new PartsOrderLine(part.Id, part.PartNumber, part.Description, quantity, unitCost, leadTimeWorkingDays));
        }
        else
        {
            line.Add(quantity);
        }

        if (eta > ExpectedEta)
        {
            ExpectedEta = eta;
        }

        RecordChange();
    }

    /// <summary>
    /// Works the expected date out again from the day the supplier really gets the order: a draft that waited
    /// for approval, or is still waiting, arrives later than first quoted. No-op once the supplier confirmed.
    /// </summary>
    public bool Redate(WorkingDays calendar, DateOnly orderedOn)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (Status is not (PartsOrderStatus.Draft or PartsOrderStatus.Sent) || _lines.Count == 0)
        {
            return false;
        }

        var eta = _lines.Max(l => calendar.Add(orderedOn, l.LeadTimeWorkingDays));
        if (eta == ExpectedEta)
        {
            return false;
        }

        ExpectedEta = eta;
        RecordChange();
        return true;
    }

    /// <summary>Approved and emailed to the supplier (by the job for auto-send suppliers, else by the clerk).</summary>
    public void Send(Guid? staffId, DateTime now)
    {
        if (Status != PartsOrderStatus.Draft)
        {
            throw new DomainRuleException($"Order {Reference} was already sent.", "order-sent");
        }

        if (_lines.Count == 0)
        {
            throw new DomainRuleException("An order needs at least one line before it is sent.", "order-empty");
        }

        Status = PartsOrderStatus.Sent;
        SentAt = now;
        SentBy = staffId;
        RecordChange();
    }

    /// <summary>The supplier confirmed the order with a delivery date.</summary>
    public void Confirm(DateOnly eta, DateTime now)
    {
        if (Status is not (PartsOrderStatus.Sent or PartsOrderStatus.Confirmed))
        {
            throw new DomainRuleException(Status == PartsOrderStatus.Draft
                ? $"Order {Reference} has not been sent yet: send it, then record the supplier's confirmation."
                : $"Order {Reference} is already {Status.ToString().ToLowerInvariant()}.", "order-not-sent");
        }

        ConfirmedEta = eta;
        ConfirmedAt = now;
        Status = PartsOrderStatus.Confirmed;
        RecordChange();
    }

    /// <summary>Books delivered units against the order's lines; the order is received once every unit is in.</summary>
    public void Receive(Guid partId, int quantity, DateTime now)
    {
        if (Status is not (PartsOrderStatus.Sent or PartsOrderStatus.Confirmed))
        {
            throw new DomainRuleException(Status == PartsOrderStatus.Draft
                ? $"Order {Reference} was never sent to the supplier."
                : $"Order {Reference} is already fully received.", "order-not-receivable");
        }

        var line = _lines.FirstOrDefault(l => l.PartId == partId)
            ?? throw new DomainRuleException($"Order {Reference} has no line for that part.", "no-such-line");
        line.Receive(quantity, Reference);
        if (_lines.All(l => l.Outstanding == 0))
        {
            Status = PartsOrderStatus.Received;
            ReceivedAt = now;
        }

        RecordChange();
    }
}

public sealed class PartsOrderLine
{
    private PartsOrderLine() { }

    internal PartsOrderLine(Guid partId, string partNumber, string description, int quantity, long unitCost, int leadTimeWorkingDays)
    {
        LeadTimeWorkingDays = leadTimeWorkingDays;
        PartId = partId;
        PartNumber = partNumber;
        Description = description;
        Quantity = quantity;
        UnitCost = unitCost;
    }

    public int Id { get; private set; }

    public Guid PartId { get; private set; }

    public string PartNumber { get; private set; } = "";

    public string Description { get; private set; } = "";

    public int Quantity { get; private set; }

    public long UnitCost { get; private set; }

    public int ReceivedQuantity { get; private set; }

    /// <summary>The supplier's quoted lead time when the line was added, to re-date an order approved late.</summary>
    public int LeadTimeWorkingDays { get; private set; }

    public int Outstanding => Quantity - ReceivedQuantity;

    internal void Add(int quantity) => Quantity += quantity;

    internal void Receive(int quantity, string reference)
    {
        if (quantity <= 0 || quantity > Outstanding)
        {
            throw new DomainRuleException($"Order {reference} is waiting for {Outstanding} of {PartNumber}; you entered {quantity}.", "receive-too-many");
        }

        ReceivedQuantity += quantity;
    }
}

public enum PartsOrderStatus
{
    Draft,
    Sent,
    Confirmed,
    Received,
}
