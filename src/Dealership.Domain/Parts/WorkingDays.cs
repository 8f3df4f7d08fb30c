namespace Dealership.Domain.Parts;

/// <summary>
/// Calendar arithmetic in working days: the days a site is open. Supplier lead times are quoted in working
/// days, and a part must be on the shelf one working day before the appointment so it can be checked.
/// </summary>
public sealed class WorkingDays
{
    private readonly HashSet<DayOfWeek> _open;

    public WorkingDays(IEnumerable<DayOfWeek> openDays)
    {
        _open = [.. openDays];
        if (_open.Count == 0)
        {
            // A site without opening hours still receives deliveries on weekdays.
            _open = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        }
    }

    public bool IsWorkingDay(DateOnly date) => _open.Contains(date.DayOfWeek);

    /// <summary>The date <paramref name="days"/> working days after <paramref name="from"/> (0 = same day if it is a working day, else the next).</summary>
    public DateOnly Add(DateOnly from, int days)
    {
        var date = from;
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        for (var i = 0; i < days; i++)
        {
            date = date.AddDays(1);
            while (!IsWorkingDay(date))
            {
                date = date.AddDays(1);
            }
        }

        return date;
    }

    /// <summary>The last working day strictly before <paramref name="date"/>.</summary>
    public DateOnly Before(DateOnly date)
    {
        var day = date.AddDays(-1);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }
}

/// <summary>One way to get a part: a supplier, when it would arrive, and at what unit cost.</summary>
public sealed record SupplyOption(Guid SupplierId, DateOnly Eta, long UnitCost, bool InTime, int LeadTimeWorkingDays);

/// <summary>
/// Chooses where to buy a missing part: among the suppliers that deliver by the day the part is needed,
/// the cheapest (then the quickest); if none can, the quickest (then the cheapest), so the part is at least
/// on its way while the customer is offered a later slot.
/// </summary>
public static class SupplierChoice
{
    public static SupplyOption? Choose(IEnumerable<PartSupplier> offers, DateOnly orderDate, DateOnly needBy, WorkingDays calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var options = offers.Select(o =>
            {
                var eta = calendar.Add(orderDate, o.LeadTimeWorkingDays);
                return new SupplyOption(o.SupplierId, eta, o.CostAmount, eta <= needBy, o.LeadTimeWorkingDays);
            })
            .ToList();
        return options.Where(o => o.InTime).OrderBy(o => o.UnitCost).ThenBy(o => o.Eta).ThenBy(o => o.SupplierId).FirstOrDefault()
            ?? options.OrderBy(o => o.Eta).ThenBy(o => o.UnitCost).ThenBy(o => o.SupplierId).FirstOrDefault();
    }
}
