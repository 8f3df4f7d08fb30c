using Dealership.Domain.Common;

namespace Dealership.Domain.Service;

/// <summary>
/// The workshop's labour booked on one day at one site. Every booking, walk-in, move and cancellation goes
/// through this row, so its version token serialises them: two advisors selling the last two hours at once
/// cannot both succeed (the second gets 409 and sees the fresh availability), on SQLite and SQL Server alike.
/// </summary>
public sealed class WorkshopDay : AggregateRoot
{
    private WorkshopDay() { }

    public WorkshopDay(Guid siteId, DateOnly date)
    {
        SiteId = siteId;
        Date = date;
    }

    public Guid SiteId { get; private set; }

    public DateOnly Date { get; private set; }

    public int BookedMinutes { get; private set; }

    /// <summary>Adds labour to the day, refusing anything beyond the workshop's or the advisor's capacity.</summary>
    public void Book(int minutes, int workshopCapacity, int advisorBooked, int advisorCapacity, string advisorName)
    {
        if (minutes <= 0)
        {
            throw new DomainRuleException("An appointment needs at least one operation or an estimate of the labour.", "labour-required");
        }

        if (BookedMinutes + minutes > workshopCapacity)
        {
            var ex = new DomainRuleException(
                $"The workshop is full on {Date:ddd d MMM}: {Hours(workshopCapacity - BookedMinutes)} h of {Hours(workshopCapacity)} h left, this needs {Hours(minutes)} h. Choose another day.", "workshop-full");
            ex.Facts["remainingMinutes"] = Math.Max(0, workshopCapacity - BookedMinutes);
            throw ex;
        }

        if (advisorBooked + minutes > advisorCapacity)
        {
            var ex = new DomainRuleException(
                $"{advisorName} has {Hours(advisorCapacity - advisorBooked)} h left on {Date:ddd d MMM}, this needs {Hours(minutes)} h. Choose another advisor or day.", "advisor-full");
            ex.Facts["remainingMinutes"] = Math.Max(0, advisorCapacity - advisorBooked);
            throw ex;
        }

        BookedMinutes += minutes;
        RecordChange();
    }

    public void Release(int minutes)
    {
        BookedMinutes = Math.Max(0, BookedMinutes - minutes);
        RecordChange();
    }

    private static string Hours(int minutes) => (Math.Max(0, minutes) / 60m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
