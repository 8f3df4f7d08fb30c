using Dealership.Application.Common;
using Dealership.Domain.Common;
using Dealership.Domain.Orders;

namespace Dealership.UnitTests;

/// <summary>
/// The checks a handler's own compiled query hands its aggregate to: another site's aggregate is "not found" before
/// anything else is said about it (not "not yours", not "stale"), then the ownership rule, then the version.
/// </summary>
public sealed class AggregateLoadingTests
{
    private static readonly Guid Portland = Guid.NewGuid();
    private static readonly Guid Boise = Guid.NewGuid();

    private sealed class Caller(params Guid[] sites) : ICurrentStaff
    {
        public Guid? StaffId { get; } = Guid.NewGuid();

        public Guid SiteId => sites[0];

        public IReadOnlyCollection<Guid> SiteIds => sites;

        public bool IsInRole(string role) => false;

        public bool IsSystem => false;
    }

    private static VehicleOrder OrderAt(Guid site) =>
        new(site, Guid.NewGuid(), Guid.NewGuid(), new VehicleSpec(2027, "Honda", "Accord", "Touring", "Blue", null, null),
            new Money(3_899_000, "USD"), new Money(89_500, "USD"), new Dictionary<OrderMilestone, DateOnly> { [OrderMilestone.FactoryConfirmed] = new(2026, 12, 1) },
            new DateTime(2026, 11, 22, 18, 0, 0, DateTimeKind.Utc));

    [Test]
    public void AnotherSitesAggregate_IsNotFound_EvenWhenItIsNotYoursAndYourVersionIsStale()
    {
        var order = OrderAt(Boise);
        Assert.Throws<NotFoundException>(() => AggregateLoading.CheckedAtMySites(order, new Caller(Portland), order.Id, order.Version + 7, "Order", _ => "not yours"));
        Assert.Throws<NotFoundException>(() => AggregateLoading.CheckedAtMySites<VehicleOrder>(null, new Caller(Portland), order.Id, null, "Order"));
    }

    [Test]
    public void AtYourSite_TheOwnershipRuleComesBeforeTheVersion_AndAPassingOneIsReturned()
    {
        var order = OrderAt(Portland);
        var caller = new Caller(Portland, Boise);
        Assert.Throws<ForbiddenException>(() => AggregateLoading.CheckedAtMySites(order, caller, order.Id, order.Version + 7, "Order", _ => "not yours"));
        Assert.Throws<PreconditionFailedException>(() => AggregateLoading.CheckedAtMySites(order, caller, order.Id, order.Version + 7, "Order", _ => null));
        Assert.That(AggregateLoading.CheckedAtMySites(order, caller, order.Id, order.Version, "Order", _ => null), Is.SameAs(order));
    }
}
