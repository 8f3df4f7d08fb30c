using Dealership.Domain.Orders;

namespace Dealership.Application.Orders;

/// <summary>How long a customer with an active order may go without hearing from us (section "Orders").</summary>
public sealed class OrderPolicy
{
    /// <summary>While the car is with the factory or on its way.</summary>
    public TimeSpan SilenceBeforeArrival { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Once the car is at the dealership every day counts.</summary>
    public TimeSpan SilenceAfterArrival { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long the owner has to act on a watchdog alert before the customer is told directly.</summary>
    public TimeSpan WatchdogGracePeriod { get; set; } = TimeSpan.FromHours(4);

    /// <summary>
    /// Once the customer has chosen a collection time they know what happens next (and the reminder comes
    /// the day before), so the daily rule of an arrived car gives way to the longer one.
    /// </summary>
    public TimeSpan SilenceLimit(OrderMilestone status) => status switch
    {
        OrderMilestone.CollectionScheduled => SilenceBeforeArrival,
        >= OrderMilestone.ArrivedAtDealership => SilenceAfterArrival,
        _ => SilenceBeforeArrival,
    };
}
