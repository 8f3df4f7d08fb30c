using Dealership.Domain.Common;
using Dealership.Domain.Decisions;
using Dealership.Domain.Orders;
using Dealership.Domain.TradeIns;

namespace Dealership.UnitTests;

/// <summary>What a granted decision does to a deal: concessions on the balance (and its tax), once each; an offer kept open.</summary>
public sealed class DealDecisionTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 18, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Guid Staff = Guid.NewGuid();

    private static VehicleOrder Order() => new(Guid.NewGuid(), Guid.NewGuid(), Staff, new VehicleSpec(2027, "Honda", "Accord", null, null, null, null),
        new Money(3_000_000, "USD"), new Money(90_000, "USD"), new Dictionary<OrderMilestone, DateOnly>(), Now);

    [Test]
    public void APriceAdjustment_LowersTheTaxedPrice_AFeeWaiverAndGoodwill_OnlyTheBalance()
    {
        var order = Order();
        var rules = new DealRules(600, TradeInReducesTax: true, 7, 21, 0);
        order.GrantConcession(Guid.NewGuid(), DecisionAction.PriceAdjustment, new Money(100_000, "USD"), "Match a quote", Now);
        order.GrantConcession(Guid.NewGuid(), DecisionAction.FeeWaiver, new Money(40_000, "USD"), "Doc fee", Now);
        order.GrantConcession(Guid.NewGuid(), DecisionAction.Goodwill, new Money(25_000, "USD"), "Late car", Now);

        var balance = DealBalance.For(order, null, rules);

        Assert.That(balance.Taxable.Amount, Is.EqualTo(2_900_000), "30,000 − 1,000 adjustment");
        Assert.That(balance.Tax.Amount, Is.EqualTo(174_000), "6% of 29,000");
        Assert.That(balance.Due.Amount, Is.EqualTo(3_000_000 + 90_000 + 174_000 - 100_000 - 40_000 - 25_000));
        Assert.That(balance.Lines.Where(l => l.Kind == BalanceLineKind.Credit).Select(l => l.Label),
            Is.EqualTo(new[] { "Price adjustment", "Fees waived", "Goodwill credit" }));
    }

    [Test]
    public void AConcession_IsGrantedOncePerDecision_WithinTheFees_AndNeverAfterTheHandover()
    {
        var order = Order();
        var decision = Guid.NewGuid();
        order.GrantConcession(decision, DecisionAction.FeeWaiver, new Money(60_000, "USD"), "Doc fee", Now);
        order.GrantConcession(decision, DecisionAction.FeeWaiver, new Money(60_000, "USD"), "Doc fee", Now);

        Assert.That(order.Concessions, Has.Count.EqualTo(1), "an approval retried gives the money once");
        Assert.That(Assert.Throws<DomainRuleException>(() => order.GrantConcession(Guid.NewGuid(), DecisionAction.FeeWaiver, new Money(30_001, "USD"), "More", Now))!.Code,
            Is.EqualTo("waiver-above-fees"));
        Assert.That(Assert.Throws<DomainRuleException>(() => order.CheckConcession(DecisionAction.Loaner, new Money(1, "USD")))!.Code, Is.EqualTo("not-a-concession"));
        Assert.That(Assert.Throws<DomainRuleException>(() => order.CheckConcession(DecisionAction.Goodwill, new Money(1, "EUR")))!.Code, Is.EqualTo("amount"));
    }

    [Test]
    public void AnOfferKeptOpen_MovesItsLastDay_OnlyForward_AndAtMostThirtyDaysOut()
    {
        var tradeIn = new TradeIn(Guid.NewGuid(), Guid.NewGuid(), null, Staff, new TradeInVehicle("1HGCM82633A004352", 2003, "Honda", "Accord", "EX"), 40_000,
            new DeclaredCondition(false, false, false, false, 2, TitleStatus.InHand), null, "USD", Now);
        Assert.That(Assert.Throws<DomainRuleException>(() => tradeIn.ExtendOffer(Today.AddDays(3), Today, Now))!.Code, Is.EqualTo("offer-not-open"));
        tradeIn.Appraise(new Appraisal(2_250_000, "Auction", [], 150_000, 2_100_000, null, Today.AddDays(7), 500, OfferHold.Locked, 0), Staff, Today, Now);

        tradeIn.ExtendOffer(Today.AddDays(20), Today, Now);

        Assert.That(tradeIn.ValidUntil, Is.EqualTo(Today.AddDays(20)));
        Assert.That(Assert.Throws<DomainRuleException>(() => tradeIn.ExtendOffer(Today.AddDays(10), Today, Now))!.Code, Is.EqualTo("extension-invalid"), "not backwards");
        Assert.That(Assert.Throws<DomainRuleException>(() => tradeIn.ExtendOffer(Today.AddDays(31), Today, Now))!.Code, Is.EqualTo("extension-invalid"));
        Assert.That(tradeIn.OfferOpen(Today.AddDays(20)), Is.True);
    }
}

/// <summary>The risk beside a decision: a few plain reasons anyone can add up, never a veto.</summary>
public sealed class StandingRiskTests
{
    [Test]
    public void ALongStandingCustomerWhosePaymentsCleared_IsLowRisk_ABouncedCheck_RaisesIt_WithTheReasonsSaid()
    {
        var (loyal, why) = Dealership.Application.Decisions.CustomerStanding.Assess(years: 6.2, bought: 2, serviced: 9, cleared: 4, bounced: 0, noShows: 0);
        var (bounced, because) = Dealership.Application.Decisions.CustomerStanding.Assess(years: 0.5, bought: 0, serviced: 1, cleared: 0, bounced: 1, noShows: 2);
        var (unknown, _) = Dealership.Application.Decisions.CustomerStanding.Assess(years: 0.1, bought: 0, serviced: 0, cleared: 0, bounced: 0, noShows: 0);

        Assert.That(loyal, Is.EqualTo("Low"));
        Assert.That(why, Is.EqualTo(new[] { "−1: with us 6 years", "−1: 11 purchases and visits completed", "−1: 4 payments cleared, none bounced" }));
        Assert.That(bounced, Is.EqualTo("High"));
        Assert.That(because, Is.EqualTo(new[] { "+2: 1 bounced payment", "+1: 2 missed visits" }));
        Assert.That(unknown, Is.EqualTo("Medium"), "no history is neither good nor bad");
    }
}
