using Dealership.Domain.Common;

namespace Dealership.Domain.Parts;

/// <summary>
/// A part stocked at one site: how many are on the shelf, how many of those are promised to appointments,
/// what we sell it for and who can supply it. The stock row is the consistency boundary for reservations:
/// its version token makes two reservations of the last unit race (one wins, the other retries), and a
/// check constraint in the database refuses negative stock or more reserved than on hand on any provider.
/// </summary>
public sealed class Part : AggregateRoot, ISiteScoped
{
    private readonly List<PartSupplier> _suppliers = [];

    private Part() { }

    public Part(Guid siteId, string partNumber, string description, int onHand, Money sellPrice)
    {
        SiteId = siteId;
        PartNumber = NormaliseNumber(partNumber);
        Description = RequireText(description, "Describe the part.");
        if (onHand < 0)
        {
            throw new DomainRuleException("Stock on hand cannot be negative.", "negative-stock");
        }

        OnHand = onHand;
        SellPrice = RequirePrice(sellPrice);
    }

    public Guid SiteId { get; private set; }

    /// <summary>The manufacturer's part number, upper case without spaces; unique per site.</summary>
    public string PartNumber { get; private set; } = "";

    public string Description { get; private set; } = "";

    public int OnHand { get; private set; }

    /// <summary>Units on the shelf promised to appointments; never more than <see cref="OnHand"/>.</summary>
    public int Reserved { get; private set; }

    public int Available => OnHand - Reserved;

    public long SellPriceAmount { get; private set; }

    public string Currency { get; private set; } = "";

    public Money SellPrice
    {
        get => new(SellPriceAmount, Currency);
        private set
        {
            SellPriceAmount = value.Amount;
            Currency = value.Currency;
        }
    }

    public IReadOnlyList<PartSupplier> Suppliers => _suppliers;

    public static string NormaliseNumber(string partNumber) =>
        string.IsNullOrWhiteSpace(partNumber) ? throw new DomainRuleException("A part needs a part number.", "part-number-required")
            : string.Concat(partNumber.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    public void Update(string description, Money sellPrice)
    {
        Description = RequireText(description, "Describe the part.");
        SellPrice = RequirePrice(sellPrice);
        RecordChange();
    }

    /// <summary>A stock count: sets what is physically on the shelf. Cannot go below what is already promised.</summary>
    public void CountStock(int onHand)
    {
        if (onHand < Reserved)
        {
            throw new DomainRuleException($"{Reserved} of {PartNumber} are reserved for appointments; on hand cannot be less. Release or re-plan those first.", "below-reserved");
        }

        OnHand = onHand;
        RecordChange();
    }

    /// <summary>Takes up to <paramref name="quantity"/> units from the free stock; returns how many it took (all or nothing).</summary>
    public bool TryReserve(int quantity)
    {
        if (quantity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), "Reserve at least one unit.");
        }

        if (Available < quantity)
        {
            return false;
        }

        Reserved += quantity;
        RecordChange();
        return true;
    }

    /// <summary>An appointment no longer needs its units (cancelled, moved out of the planning horizon).</summary>
    public void Release(int quantity)
    {
        if (quantity <= 0 || quantity > Reserved)
        {
            throw new DomainRuleException($"Cannot release {quantity} of {PartNumber}: only {Reserved} reserved.", "release-too-many");
        }

        Reserved -= quantity;
        RecordChange();
    }

    /// <summary>Reserved units leave the shelf into a job (fitted); part 2 of service calls it at work start.</summary>
    public void Issue(int quantity)
    {
        if (quantity <= 0 || quantity > Reserved)
        {
            throw new DomainRuleException($"Cannot issue {quantity} of {PartNumber}: only {Reserved} reserved.", "issue-too-many");
        }

        Reserved -= quantity;
        OnHand -= quantity;
        RecordChange();
    }

    /// <summary>Books delivered units onto the shelf.</summary>
    public void Receive(int quantity)
    {
        if (quantity <= 0)
        {
            throw new DomainRuleException("Receive at least one unit.", "quantity-required");
        }

        OnHand += quantity;
        RecordChange();
    }

    public PartSupplier SetSupplier(Guid supplierId, int leadTimeWorkingDays, Money cost)
    {
        if (leadTimeWorkingDays is < 0 or > 120)
        {
            throw new DomainRuleException("Lead time is between 0 and 120 working days.", "lead-time");
        }

        if (cost.Amount <= 0 || cost.Currency != Currency)
        {
            throw new DomainRuleException($"The cost is more than zero, in {Currency}.", "cost");
        }

        var existing = _suppliers.FirstOrDefault(s => s.SupplierId == supplierId);
        if (existing is null)
        {
            existing = new PartSupplier(supplierId, leadTimeWorkingDays, cost.Amount);
            _suppliers.Add(existing);
        }
        else
        {
            existing.Change(leadTimeWorkingDays, cost.Amount);
        }

        RecordChange();
        return existing;
    }

    private static string RequireText(string value, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainRuleException(message, "description-required") : value.Trim();

    private static Money RequirePrice(Money price) =>
        price.Amount < 0 ? throw new DomainRuleException("The sell price cannot be negative.", "price") : price;
}

/// <summary>A supplier that carries a part: how many working days it takes to deliver, and what it costs us.</summary>
public sealed class PartSupplier
{
    private PartSupplier() { }

    internal PartSupplier(Guid supplierId, int leadTimeWorkingDays, long costAmount)
    {
        SupplierId = supplierId;
        LeadTimeWorkingDays = leadTimeWorkingDays;
        CostAmount = costAmount;
    }

    public Guid SupplierId { get; private set; }

    public int LeadTimeWorkingDays { get; private set; }

    /// <summary>Unit cost in the part's currency, minor units.</summary>
    public long CostAmount { get; private set; }

    internal void Change(int leadTimeWorkingDays, long costAmount)
    {
        LeadTimeWorkingDays = leadTimeWorkingDays;
        CostAmount = costAmount;
    }
}
