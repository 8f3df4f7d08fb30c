using Dealership.Domain.Common;

namespace Dealership.Domain.Custody;

/// <summary>
/// One piece of a customer's property in the dealer's hands: a car, a set of keys, a title document. Who holds
/// it, since when, for which subject (a trade-in, an order, a service visit), and when and to whom it left.
/// Every intake and release gives the customer a receipt; property held with no open subject is an alert.
/// </summary>
public sealed class CustodyRecord : AggregateRoot, ISiteScoped
{
    private CustodyRecord() { }

    public CustodyRecord(Guid siteId, Guid customerId, CustodyItem item, string description, int count, string subjectType, Guid subjectId, Guid holderStaffId, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new DomainRuleException("Say what is held.", "description-required");
        }

        if (count < 1)
        {
            throw new DomainRuleException("Custody is of at least one item.", "count-invalid");
        }

        SiteId = siteId;
        CustomerId = customerId;
        Item = item;
        Description = description.Trim();
        Count = count;
        SubjectType = subjectType;
        SubjectId = subjectId;
        HolderStaffId = holderStaffId;
        Since = now;
    }

    public Guid SiteId { get; private set; }

    public Guid CustomerId { get; private set; }

    public CustodyItem Item { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>How many (keys come in sets of one or more).</summary>
    public int Count { get; private set; }

    /// <summary>"trade-in", "order" or "visit".</summary>
    public string SubjectType { get; private set; } = "";

    public Guid SubjectId { get; private set; }

    /// <summary>The staff member who took it and answers for it.</summary>
    public Guid HolderStaffId { get; private set; }

    public DateTime Since { get; private set; }

    public DateTime? ReleasedAt { get; private set; }

    /// <summary>To whom it left: "the customer", "the buyer (retail)", "the lender".</summary>
    public string? ReleasedTo { get; private set; }

    public Guid? ReleasedBy { get; private set; }

    public bool IsOpen => ReleasedAt is null;

    public void Release(string to, Guid by, DateTime now)
    {
        if (ReleasedAt is not null)
        {
            throw new DomainRuleException($"This was already released to {ReleasedTo}.", "custody-released");
        }

        ReleasedAt = now;
        ReleasedTo = to;
        ReleasedBy = by;
        RecordChange();
    }

    public static string Describe(CustodyItem item, int count) => item switch
    {
        CustodyItem.Car => "Car",
        CustodyItem.KeySet => count == 1 ? "1 key" : $"{count} keys",
        CustodyItem.TitleDocument => "Title document",
        _ => item.ToString(),
    };
}

public enum CustodyItem
{
    Car,
    KeySet,
    TitleDocument,
}
