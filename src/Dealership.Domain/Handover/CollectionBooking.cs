using Dealership.Domain.Common;

namespace Dealership.Domain.Handover;

/// <summary>
/// A collection appointment: one order, one delivery bay, one start time. The database holds at most one
/// booking per bay and start time (unique index), so two customers can never get the same bay, even when
/// they pick at the same moment; and one per order. Rescheduling deletes the booking, freeing the slot.
/// </summary>
public sealed class CollectionBooking : Entity
{
    private CollectionBooking() { }

    /// <summary>
    /// Books a time the customer chose. Either they picked it on their tracking page (nobody recorded it for
    /// them), or they told a staff member, who records how they told us; staff can never book a time on the
    /// customer's behalf without saying so.
    /// </summary>
    public CollectionBooking(Guid orderId, Guid siteId, Guid ownerStaffId, int bay, DateTime startsAt, DateTime endsAt, ChoiceChannel statedVia, Guid? recordedBy, DateTime now)
    {
        if ((statedVia == ChoiceChannel.TrackingPage) != (recordedBy is null))
        {
            throw new DomainRuleException(recordedBy is null
                ? "Say how the customer told you the time they chose."
                : "Staff record a customer's choice only as told to them (phone, in person, text or email); the tracking page is the customer's own.", "choice-channel");
        }

        OrderId = orderId;
        SiteId = siteId;
        OwnerStaffId = ownerStaffId;
        Bay = bay;
        StartsAt = startsAt;
        EndsAt = endsAt;
        ChosenByCustomer = true;
        StatedVia = statedVia;
        RecordedBy = recordedBy;
        BookedAt = now;
    }

    public Guid OrderId { get; private set; }

    public Guid SiteId { get; private set; }

    /// <summary>The salesperson who hands the car over (their calendar is part of availability).</summary>
    public Guid OwnerStaffId { get; private set; }

    public int Bay { get; private set; }

    public DateTime StartsAt { get; private set; }

    public DateTime EndsAt { get; private set; }

    /// <summary>Always true in practice: the customer chose it on their page, or told staff who recorded their choice.</summary>
    public bool ChosenByCustomer { get; private set; }

    /// <summary>How the customer's choice reached us: their tracking page, or told to staff (phone, in person, text, email).</summary>
    public ChoiceChannel StatedVia { get; private set; }

    /// <summary>The staff member who recorded the customer's choice; null when the customer picked it themselves.</summary>
    public Guid? RecordedBy { get; private set; }

    public DateTime BookedAt { get; private set; }
}

/// <summary>How a customer told us the time they chose.</summary>
public enum ChoiceChannel
{
    TrackingPage,
    Phone,
    InPerson,
    Text,
    Email,
}

/// <summary>When a staff member works (per weekday, site-local times) and when they are away.</summary>
public sealed class StaffAvailability : Entity
{
    private readonly List<WorkingHours> _hours = [];
    private readonly List<BlockedTime> _blocked = [];

    private StaffAvailability() { }

    public StaffAvailability(Guid staffId) => StaffId = staffId;

    public Guid StaffId { get; private set; }

    public IReadOnlyList<WorkingHours> Hours => _hours;

    public IReadOnlyList<BlockedTime> Blocked => _blocked;

    public void Replace(IEnumerable<WorkingHours> hours, IEnumerable<BlockedTime> blocked)
    {
        var newHours = hours.ToList();
        if (newHours.Any(h => h.Ends <= h.Starts))
        {
            throw new DomainRuleException("Each working period must end after it starts.", "hours-invalid");
        }

        var newBlocked = blocked.ToList();
        if (newBlocked.Any(b => b.Until <= b.From))
        {
            throw new DomainRuleException("Each blocked period must end after it starts.", "blocked-invalid");
        }

        _hours.Clear();
        _hours.AddRange(newHours);
        _blocked.Clear();
        _blocked.AddRange(newBlocked);
    }

    /// <summary>Whether the person works through the whole period (local times for hours, UTC for blocked time).</summary>
    public bool IsAvailable(DateTime localStart, DateTime localEnd, DateTime utcStart, DateTime utcEnd)
    {
        var works = _hours.Count == 0 || _hours.Any(h => h.Day == localStart.DayOfWeek &&
            TimeOnly.FromDateTime(localStart) >= h.Starts && TimeOnly.FromDateTime(localEnd) <= h.Ends);
        return works && !_blocked.Any(b => b.From < utcEnd && b.Until > utcStart);
    }
}

public sealed record WorkingHours(DayOfWeek Day, TimeOnly Starts, TimeOnly Ends);

public sealed record BlockedTime(DateTime From, DateTime Until, string? Reason);
