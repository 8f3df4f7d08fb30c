using Dealership.Application.Analytics;
using Dealership.Application.Orders;
using Dealership.Domain.Orders;

namespace Dealership.UnitTests;

/// <summary>The silence rule the dashboard, the journey page and the watchdog share, and the percentiles behind "typical".</summary>
public sealed class JourneyMathTests
{
    private static readonly DateTime Day0 = new(2026, 3, 1, 18, 0, 0, DateTimeKind.Utc);

    private static DateTime D(double days) => Day0.AddDays(days);

    [Test]
    public void ASilenceShorterThanEachStagesLimit_IsNotOverTheLimit()
    {
        var stages = new List<StageSpan> { new("Ordered", D(0), D(10), TimeSpan.FromDays(7)) };

        var gaps = JourneyMath.Gaps(stages, [D(3), D(9)]);

        Assert.That(gaps.Select(g => (g.From, g.To, g.OverLimit)), Is.EqualTo(new[] { (D(0), D(3), false), (D(3), D(9), false), (D(9), D(10), false) }));
    }

    [Test]
    public void ASilenceThatRunsIntoAStricterStage_IsJudgedByThatStagesLimitFromWhenItBegan()
    {
        // Last word on day 1; the car arrives on day 5 (limit 1 day) and we only write on day 7: over, in "Arrived".
        var stages = new List<StageSpan>
        {
            new("In transit", D(0), D(5), TimeSpan.FromDays(7)),
            new("Arrived", D(5), D(9), TimeSpan.FromDays(1)),
        };

        var gaps = JourneyMath.Gaps(stages, [D(1), D(7)]);

        Assert.That(gaps[1], Is.EqualTo(new SilenceGap("Arrived", D(1), D(7), true) { BreachedAt = D(5), FromStage = "In transit", ToStage = "Arrived" }),
            "already four days without a word when the car arrived: over the limit at that moment, counted there");
        Assert.That(gaps[1].Length, Is.EqualTo(TimeSpan.FromDays(6)));
        Assert.That(gaps[2], Is.EqualTo(new SilenceGap("Arrived", D(7), D(9), true) { BreachedAt = D(8), FromStage = "Arrived", ToStage = "Arrived" }), "two days on to the handover");
        Assert.That(gaps[0].OverLimit, Is.False);
    }

    [Test]
    public void ContactsOutsideTheLife_AreIgnored_AndNoStagesMeansNoGaps()
    {
        var stages = new List<StageSpan> { new("Ordered", D(0), D(2), TimeSpan.FromDays(7)) };

        Assert.That(JourneyMath.Gaps(stages, [D(-3), D(30)]).Single(), Is.EqualTo(new SilenceGap("Ordered", D(0), D(2), false) { FromStage = "Ordered", ToStage = "Ordered" }));
        Assert.That(JourneyMath.Gaps([], [D(1)]), Is.Empty);
    }

    [Test]
    public void AnOrdersStages_SkipWhatHappenedAtOnce_AndEndAtHandoverOrCancellation()
    {
        var policy = new OrderPolicy();
        var stages = JourneyMath.OrderStages(D(0), null,
            [(OrderMilestone.Ordered, D(0)), (OrderMilestone.FactoryConfirmed, D(2)), (OrderMilestone.Built, D(20)), (OrderMilestone.InTransit, D(20)),
             (OrderMilestone.ArrivedAtDealership, D(20)), (OrderMilestone.Delivered, D(25))], D(100), policy);
        var cancelled = JourneyMath.OrderStages(D(0), D(4), [], D(100), policy);

        Assert.That(stages.Select(s => (s.Stage, s.Start, s.End)),
            Is.EqualTo(new[] { ("Ordered", D(0), D(2)), ("Factory confirmed", D(2), D(20)), ("Arrived at the dealership", D(20), D(25)) }));
        Assert.That(stages[^1].Limit, Is.EqualTo(policy.SilenceAfterArrival));
        Assert.That(cancelled.Single().End, Is.EqualTo(D(4)));
    }

    [Test]
    public void Percentiles_UseTheNearestRank_AndShares_AreNullForNothing()
    {
        Assert.That(JourneyMath.Percentile([168, 2, 168], 0.5), Is.EqualTo(168));
        Assert.That(JourneyMath.Percentile([1, 2, 3, 4], 0.5), Is.EqualTo(2));
        Assert.That(JourneyMath.Percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), Is.EqualTo(9));
        Assert.That(JourneyMath.Percentile([], 0.5), Is.Null);
        Assert.That(JourneyMath.Share(1, 4), Is.EqualTo(0.25));
        Assert.That(JourneyMath.Share(0, 0), Is.Null);
    }
}
