using Dealership.Domain.Common;
using Dealership.Domain.Custody;
using Dealership.Domain.Customers;
using Dealership.Domain.Handover;
using Dealership.Domain.Orders;
using Dealership.Domain.TradeIns;

namespace Dealership.UnitTests;

/// <summary>The trade-in's rules: valuation, validity, the swap, the payoff clock and resale, and the deal's balance to the cent.</summary>
public sealed class TradeInTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 18, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DealRules Rules = new(SalesTaxBasisPoints: 0, TradeInReducesTax: true, LienholderNoticeDays: 7, PayoffDays: 21, CancellationWindowDays: 3);
    private static readonly Guid Staff = Guid.NewGuid();

    private static TradeIn NewTradeIn(bool againstOrder = true, TitleStatus title = TitleStatus.WithLender, long payoff = 1_210_000) =>
        new(Guid.NewGuid(), Guid.NewGuid(), againstOrder ? Guid.NewGuid() : null, Staff, new TradeInVehicle("1HGCM82633A004352", 2003, "Honda", "Accord", "EX"), 40_000,
            new DeclaredCondition(false, false, false, false, 2, title),
            title == TitleStatus.WithLender ? new LoanPayoffQuote("Summit Credit Union", "A-1", payoff, 238, Today.AddDays(10)) : null, "USD", Now);

    private static Appraisal Valued(long final = 2_041_000, string? reason = null, OfferHold hold = OfferHold.Locked, int band = 0, int validDays = 7) =>
        new(2_250_000, "Auction results", [new ReconditioningLine("Brakes", 41_000), new ReconditioningLine("Detail", 18_000)], 150_000, final, reason,
            Today.AddDays(validDays), 500, hold, band);

    private static TradeIn Accepted(bool againstOrder = true, TitleStatus title = TitleStatus.WithLender, OfferHold hold = OfferHold.Locked, int band = 0, long payoff = 1_210_000)
    {
        var tradeIn = NewTradeIn(againstOrder, title, payoff);
        tradeIn.Appraise(Valued(hold: hold, band: band), Staff, Today, Now);
        tradeIn.Answer(true, ChoiceChannel.TrackingPage, null, Today, Now);
        return tradeIn;
    }

    [Test]
    public void Suggestion_IsMarketLessReconditioningLessMargin_NeverBelowZero()
    {
        Assert.That(TradeIn.Suggest(2_250_000, 59_000, 150_000), Is.EqualTo(2_041_000));
        Assert.That(TradeIn.Suggest(100_000, 90_000, 50_000), Is.Zero);
    }

    [Test]
    public void AnOfferAwayFromTheSuggestion_NeedsAReason()
    {
        var tradeIn = NewTradeIn();
        var refused = Assert.Throws<DomainRuleException>(() => tradeIn.Appraise(Valued(final: 2_000_000), Staff, Today, Now))!;
        Assert.That(refused.Code, Is.EqualTo("override-reason-required"));
        Assert.That(tradeIn.Status, Is.EqualTo(TradeInStatus.AwaitingAppraisal), "a refused appraisal changes nothing");

        tradeIn.Appraise(Valued(final: 2_000_000, reason: "Competitor's written offer"), Staff, Today, Now);
        Assert.That((tradeIn.SuggestedOffer, tradeIn.FinalOffer, tradeIn.OverrideReason), Is.EqualTo((2_041_000L, 2_000_000L, "Competitor's written offer")));
        Assert.That(tradeIn.DomainEvents, Has.Exactly(1).InstanceOf<TradeInOffered>());
    }

    [Test]
    public void AnOffer_IsValidThroughItsLastDay_AndNotAfter()
    {
        var tradeIn = NewTradeIn();
        tradeIn.Appraise(Valued(validDays: 7), Staff, Today, Now);
        Assert.That(tradeIn.OfferOpen(Today.AddDays(7)), Is.True);
        Assert.That(Assert.Throws<DomainRuleException>(() => tradeIn.Answer(true, ChoiceChannel.Phone, Staff, Today.AddDays(8), Now.AddDays(8)))!.Code, Is.EqualTo("offer-expired"));

        tradeIn.Answer(false, ChoiceChannel.Phone, Staff, Today.AddDays(8), Now.AddDays(8));
        Assert.That(tradeIn.Status, Is.EqualTo(TradeInStatus.Declined), "an expired offer can still be declined");
        tradeIn.RequestReappraisal("New tires", Now.AddDays(8));
        Assert.That(tradeIn.Status, Is.EqualTo(TradeInStatus.ReappraisalRequested));
    }

    [TestCase(40_000, true, 2, null)]
    [TestCase(40_500, true, 1, null)]
    [TestCase(40_501, true, 2, "trade-in-mileage-over-tolerance")]
    [TestCase(39_000, true, 2, "trade-in-mileage-invalid")]
    [TestCase(40_100, false, 2, "trade-in-condition-not-confirmed")]
    [TestCase(40_100, true, 0, "trade-in-keys-required")]
    public void TheSwap_HoldsTheOfferToItsToleranceAndDeclaredCondition(int mileage, bool conditionConfirmed, int keys, string? refusal)
    {
        var tradeIn = Accepted();
        var handover = new TradeInHandover(mileage, conditionConfirmed, keys, TitleReceived: false);
        if (refusal is null)
        {
            tradeIn.TakeInAtSwap(handover, Staff, Rules, Today.AddDays(30), Now.AddDays(30));
            Assert.That(tradeIn.Status, Is.EqualTo(TradeInStatus.Received));
            Assert.That(tradeIn.PayoutLagDays, Is.Zero);
            Assert.That(tradeIn.Allowance, Is.EqualTo(2_041_000), "a locked offer holds past its acceptance date");
        }
        else
        {
            Assert.That(Assert.Throws<DomainRuleException>(() => tradeIn.TakeInAtSwap(handover, Staff, Rules, Today.AddDays(30), Now.AddDays(30)))!.Code, Is.EqualTo(refusal));
            Assert.That(tradeIn.Status, Is.EqualTo(TradeInStatus.Accepted));
        }
    }

    [Test]
    public void ARecheckedOffer_PastItsValidity_MustBeReappraisedBeforeTheSwap()
    {
        var tradeIn = Accepted(hold: OfferHold.Recheck, band: 5);
        var handover = new TradeInHandover(40_100, true, 2, false);
        Assert.That(Assert.Throws<DomainRuleException>(() => tradeIn.EnsureSwappable(handover, Today.AddDays(8)))!.Code, Is.EqualTo("trade-in-recheck-required"));
        Assert.DoesNotThrow(() => tradeIn.EnsureSwappable(handover, Today.AddDays(7)));
    }

    [Test]
    public void TheReCheck_OfAnAcceptedBandedOffer_KeepsThePromisedBand()
    {
        var tradeIn = Accepted(hold: OfferHold.Recheck, band: 5);
        // The market fell: the suggestion is now 18,000.00, below the band's floor (20,410.00 − 5% = 19,389.50).
        var fallen = new Appraisal(2_000_000, "Auction results", [], 200_000, 1_800_000, null, Today.AddDays(30), 500, OfferHold.Recheck, 5);
        Assert.That(Assert.Throws<DomainRuleException>(() => tradeIn.Appraise(fallen, Staff, Today.AddDays(30), Now.AddDays(30)))!.Code, Is.EqualTo("recheck-outside-band"));
        Assert.That(tradeIn.DefaultOffer(1_800_000), Is.EqualTo(1_938_950));

        tradeIn.Appraise(fallen with { FinalOffer = tradeIn.DefaultOffer(1_800_000) }, Staff, Today.AddDays(30), Now.AddDays(30));
        Assert.That(tradeIn.FinalOffer, Is.EqualTo(1_938_950));
        Assert.That(tradeIn.OverrideReason, Does.Contain("re-check band"));
        Assert.That(tradeIn.Status, Is.EqualTo(TradeInStatus.Offered), "the customer accepts the re-checked offer again");
    }

    [Test]
    public void CustodyBeforeCredit_IsRefused_ButAStandAlonePurchasePaysAndTakesTogether()
    {
        var againstOrder = Accepted(title: TitleStatus.InHand);
        Assert.That(Assert.Throws<DomainRuleException>(() => againstOrder.PurchaseOutright(new TradeInHandover(40_100, true, 2, true), "CHK-1", Staff, Rules, Today, Now))!.Code,
            Is.EqualTo("trade-in-early-custody"));

        var standAlone = Accepted(againstOrder: false, title: TitleStatus.InHand);
        Assert.That(Assert.Throws<DomainRuleException>(() => standAlone.PurchaseOutright(new TradeInHandover(40_100, true, 2, false), "CHK-1", Staff, Rules, Today, Now))!.Code,
            Is.EqualTo("trade-in-title-required"), "the customer holds the title: it changes hands with the money");
        standAlone.PurchaseOutright(new TradeInHandover(40_100, true, 2, true), "CHK-1", Staff, Rules, Today, Now);
        Assert.That((standAlone.ReceivedAt, standAlone.PayoutReference), Is.EqualTo(((DateTime?)standAlone.CreditedAt, "CHK-1")));
    }

    [Test]
    public void ThePayoff_RunsOnTheLawsClock_TheDealersDelayIsTheDealers_AndResaleWaitsForConfirmation()
    {
        var tradeIn = Accepted();
        tradeIn.TakeInAtSwap(new TradeInHandover(40_100, true, 2, false), Staff, Rules, Today, Now);
        Assert.That((tradeIn.LienholderNoticeDueBy, tradeIn.PayoffDueBy), Is.EqualTo(((DateOnly?)Today.AddDays(7), (DateOnly?)Today.AddDays(21))));

        Assert.That(Assert.Throws<DomainRuleException>(() => tradeIn.RecordPayoffSent(1_212_000, "ACH-1", Today.AddDays(11), Now.AddDays(11)))!.Code,
            Is.EqualTo("payoff-quote-expired"), "the quote was good for 10 days");
        Assert.That(Assert.Throws<DomainRuleException>(() => tradeIn.UpdatePayoffQuote(1_212_380, 238, Today.AddDays(5), Today.AddDays(11), Now.AddDays(11)))!.Code, Is.EqualTo("payoff-quote-date-invalid"));
        tradeIn.UpdatePayoffQuote(1_212_380, 238, Today.AddDays(20), Today.AddDays(11), Now.AddDays(11));
        Assert.That(Assert.Throws<DomainRuleException>(() => tradeIn.RecordPayoffSent(1_200_000, "ACH-1", Today.AddDays(11), Now.AddDays(11)))!.Code, Is.EqualTo("payoff-short"));
        tradeIn.RecordPayoffSent(1_212_380, "ACH-1", Today.AddDays(11), Now.AddDays(11));
        Assert.That(tradeIn.DealerInterest, Is.EqualTo(2_380), "interest beyond the quote the customer's deal carried");
        Assert.That(tradeIn.PayoffInDeal, Is.EqualTo(1_210_000), "the customer's deal keeps the payoff it was made with");

        Assert.That(Assert.Throws<DomainRuleException>(() => tradeIn.MarkSold(SaleChannel.Wholesale, Today.AddDays(12), Now.AddDays(12)))!.Code, Is.EqualTo("payoff-not-confirmed"));
        tradeIn.ConfirmPayoff(Now.AddDays(14));
        Assert.That(tradeIn.CancellableUntil, Is.EqualTo(Today.AddDays(3)), "fixed at the swap from the site's window then");
        tradeIn.MarkSold(SaleChannel.Wholesale, Today.AddDays(14), Now.AddDays(14));
        Assert.That(tradeIn.Status, Is.EqualTo(TradeInStatus.Sold));
    }

    [Test]
    public void CancellingTheDeal_ReturnsTheCar_OrRefundsTheGreaterOfMarketValueAndAllowance()
    {
        var held = Accepted(title: TitleStatus.InHand);
        held.TakeInAtSwap(new TradeInHandover(40_100, true, 2, true), Staff, Rules, Today, Now);
        held.ReturnToCustomer(Now.AddDays(1));
        Assert.That((held.Status, held.CancellationRefund), Is.EqualTo((TradeInStatus.Returned, (long?)null)));

        var gone = Accepted(title: TitleStatus.InHand);
        gone.TakeInAtSwap(new TradeInHandover(40_100, true, 2, true), Staff, Rules with { CancellationWindowDays = 0 }, Today, Now);
        gone.MarkSold(SaleChannel.Wholesale, Today, Now);
        gone.ReturnToCustomer(Now.AddDays(1));
        Assert.That(gone.CancellationRefund, Is.EqualTo(2_250_000), "market value 22,500.00 beats the 20,410.00 allowance");
    }

    [Test]
    public void AnOrderNotDelivered_IsNotRescinded()
    {
        var order = new VehicleOrder(Guid.NewGuid(), Guid.NewGuid(), Staff, new VehicleSpec(2027, "Honda", "Accord", null, null, null, null),
            new Money(3_000_000, "USD"), new Money(0, "USD"), new Dictionary<OrderMilestone, DateOnly>(), Now);
        Assert.That(Assert.Throws<DomainRuleException>(() => order.Rescind("x", Today, Now))!.Code, Is.EqualTo("order-not-delivered"));
    }

    [Test]
    public void Balance_AddsTaxOnThePriceLessTheAllowance_AndThePayoff_RoundingHalfUpOnce()
    {
        var order = new VehicleOrder(Guid.NewGuid(), Guid.NewGuid(), Staff, new VehicleSpec(2027, "Honda", "Accord", null, null, null, null),
            new Money(3_650_000, "USD"), new Money(89_500, "USD"), new Dictionary<OrderMilestone, DateOnly>(), Now);
        order.RecordPayment(PaymentMethod.CompanyCheck, new Money(100_000, "USD"), "CHK-9", PaymentStatus.Pending, Staff, Now);
        order.RecordPayment(PaymentMethod.Card, new Money(50_000, "USD"), "AUTH-1", PaymentStatus.Cleared, Staff, Now);
        var tradeIn = Accepted(payoff: 2_400_000);
        var reducing = new DealRules(725, TradeInReducesTax: true, 7, 21, 0);

        var balance = DealBalance.For(order, tradeIn, reducing);

        // Taxable 36,500.00 − 20,410.00 = 16,090.00; × 7.25% = 1,166.525 → 1,166.53 (half up, once).
        Assert.That(balance.Taxable.Amount, Is.EqualTo(1_609_000));
        Assert.That(balance.Tax.Amount, Is.EqualTo(116_653));
        Assert.That(balance.NegativeEquity.Amount, Is.EqualTo(2_400_000 - 2_041_000));
        Assert.That(balance.Pending.Amount, Is.EqualTo(100_000), "a company check not yet cleared is pending, not paid");
        Assert.That(balance.Due.Amount, Is.EqualTo(3_650_000 + 89_500 + 116_653 + 2_400_000 - 50_000 - 2_041_000));
        Assert.That(balance.Lines.Single(l => l.Kind == BalanceLineKind.Pending).Label, Does.Contain("CHK-9"));

        var notReducing = DealBalance.For(order, tradeIn, reducing with { TradeInReducesTax = false });
        Assert.That(notReducing.Tax.Amount, Is.EqualTo(264_625), "36,500.00 × 7.25% = 2,646.25");
        Assert.That(DealBalance.For(order, NewTradeIn(), reducing).Allowance.Amount, Is.Zero, "an offer not yet accepted does not count");
    }

    [Test]
    public void ItemisedFees_AreListed_AndOnlyAccessoriesAreTaxedWithThePrice()
    {
        var order = new VehicleOrder(Guid.NewGuid(), Guid.NewGuid(), Staff, new VehicleSpec(2027, "Honda", "Accord", null, null, null, null),
            new Money(3_000_000, "USD"), new Money(8_500 + 40_000 + 120_000, "USD"), new Dictionary<OrderMilestone, DateOnly>(), Now,
            [(FeeKind.Documentation, 8_500), (FeeKind.RegistrationAndTitle, 40_000), (FeeKind.Accessories, 120_000)]);

        var balance = DealBalance.For(order, null, new DealRules(600, true, 7, 21, 0));

        Assert.That(balance.Lines.Select(l => l.Label), Is.SupersetOf(new[] { "Documentation fee", "Registration and title", "Accessories" }));
        Assert.That(balance.Taxable.Amount, Is.EqualTo(3_120_000), "price and accessories; documentation and registration are not taxed");
        Assert.That(balance.Tax.Amount, Is.EqualTo(187_200));
        Assert.That(balance.Due.Amount, Is.EqualTo(3_000_000 + 168_500 + 187_200));
        Assert.That(Assert.Throws<DomainRuleException>(() => new VehicleOrder(Guid.NewGuid(), Guid.NewGuid(), Staff, new VehicleSpec(2027, "Honda", "Accord", null, null, null, null),
            new Money(3_000_000, "USD"), new Money(1, "USD"), new Dictionary<OrderMilestone, DateOnly>(), Now, [(FeeKind.Documentation, 8_500)]))!.Code, Is.EqualTo("fees-invalid"));
    }

    [TestCase(1_609_000, 725, 116_653)]
    [TestCase(1, 5_000 / 2, 0)]
    [TestCase(2, 2_500, 1)]
    [TestCase(0, 725, 0)]
    [TestCase(-10, 725, 0)]
    public void Tax_RoundsHalfUpToTheCent(long taxable, int basisPoints, long expected) =>
        Assert.That(DealBalance.TaxOn(taxable, basisPoints), Is.EqualTo(expected));

    /// <summary>An order at the handover: every milestone to prepared, the checklist complete, the collection booked.</summary>
    private static VehicleOrder ReadyToHandOver(long price)
    {
        var order = new VehicleOrder(Guid.NewGuid(), Guid.NewGuid(), Staff, new VehicleSpec(2027, "Kia", "Soul", null, null, null, null),
            new Money(price, "USD"), new Money(0, "USD"), new Dictionary<OrderMilestone, DateOnly>(), Now.AddDays(-30));
        for (var m = OrderMilestone.FactoryConfirmed; m <= OrderMilestone.PreparedForDelivery; m++)
        {
            order.RecordMilestone(m, Now.AddDays(-20 + (int)m), Now);
        }

        foreach (var item in Enum.GetValues<ChecklistItem>())
        {
            order.SetChecklistItem(item, true, Staff, Now);
        }

        order.ScheduleCollection(Now, Today, reschedule: false, ChoiceChannel.Phone, Staff, Now);
        return order;
    }

    [Test]
    public void ABalanceOwedToTheCustomer_NeedsThePayoutAtHandover_AndIsRecorded()
    {
        var order = ReadyToHandOver(1_500_000);
        var tradeIn = Accepted(title: TitleStatus.InHand);
        var balance = DealBalance.For(order, tradeIn, Rules);
        Assert.That(balance.Due.Amount, Is.EqualTo(1_500_000 - 2_041_000));

        Assert.That(Assert.Throws<DomainRuleException>(() => order.Deliver(true, balance, 2, null, Staff, null, Now))!.Code, Is.EqualTo("payout-reference-required"));
        order.Deliver(true, balance, 2, "CHK-77", Staff, null, Now);
        Assert.That((order.PayoutReference, order.PayoutAmount), Is.EqualTo(("CHK-77", (long?)541_000)));
    }

    [Test]
    public void ADeliveredDeal_KeepsItsTaxAndWindow_WhateverTheSiteChangesLater()
    {
        var order = ReadyToHandOver(3_000_000);
        order.RecordPayment(PaymentMethod.BankTransfer, new Money(3_180_000, "USD"), "W-1", PaymentStatus.Cleared, Staff, Now);
        var taxed = new DealRules(600, true, 7, 21, 3);
        order.Deliver(true, DealBalance.For(order, null, taxed), 2, null, Staff, Today.AddDays(3), Now);

        Assert.That(DealBalance.For(order, null, taxed with { SalesTaxBasisPoints = 900 }).Due.Amount, Is.Zero, "the tax the deal closed with");
        Assert.That(Assert.Throws<DomainRuleException>(() => order.Rescind("Changed mind", Today.AddDays(4), Now.AddDays(4)))!.Code, Is.EqualTo("cancellation-window-closed"));
        order.Rescind("Changed mind", Today.AddDays(3), Now.AddDays(3));
        Assert.That(order.IsCancelled && order.RescindedAt is not null, Is.True);
    }

    [Test]
    public void AnAnswer_ToAnOfferSinceReplaced_IsRefused_AndALockedAcceptedOfferIsNotLoweredWithoutAReason()
    {
        var tradeIn = NewTradeIn();
        tradeIn.Appraise(Valued(), Staff, Today, Now);
        tradeIn.Appraise(Valued(final: 1_900_000, reason: "Hail damage found"), Staff, Today, Now);
        Assert.That(Assert.Throws<DomainRuleException>(() => tradeIn.Answer(true, ChoiceChannel.TrackingPage, null, Today, Now, offerNumber: 1))!.Code, Is.EqualTo("offer-changed"));
        tradeIn.Answer(true, ChoiceChannel.TrackingPage, null, Today, Now, offerNumber: 2);

        var lowered = Valued() with { MarketValue = 2_000_000, FinalOffer = TradeIn.Suggest(2_000_000, 59_000, 150_000) };
        Assert.That(Assert.Throws<DomainRuleException>(() => tradeIn.Appraise(lowered, Staff, Today, Now))!.Code, Is.EqualTo("locked-offer"));
    }

    [Test]
    public void AStandAlonePurchase_PaysTheOfferLessTheLoan_AndRefusesNegativeEquity()
    {
        var small = Accepted(againstOrder: false, payoff: 1_000_000);
        small.PurchaseOutright(new TradeInHandover(40_100, true, 2, false), "CHK-5", Staff, Rules, Today, Now);
        Assert.That(small.PayoutAmount, Is.EqualTo(1_041_000));

        var underwater = Accepted(againstOrder: false, payoff: 2_400_000);
        Assert.That(Assert.Throws<DomainRuleException>(() => underwater.PurchaseOutright(new TradeInHandover(40_100, true, 2, false), "CHK-6", Staff, Rules, Today, Now))!.Code,
            Is.EqualTo("negative-equity-purchase"));
    }

    [Test]
    public void Custody_IsReleasedOnce_ToSomeone()
    {
        var record = new CustodyRecord(Guid.NewGuid(), Guid.NewGuid(), CustodyItem.KeySet, "Keys", 2, "trade-in", Guid.NewGuid(), Staff, Now);
        record.Release("the customer", Staff, Now.AddHours(1));
        Assert.That(Assert.Throws<DomainRuleException>(() => record.Release("the buyer", Staff, Now.AddHours(2)))!.Code, Is.EqualTo("custody-released"));
        Assert.That(CustodyRecord.Describe(CustodyItem.KeySet, 1), Is.EqualTo("1 key"));
    }

    [Test]
    public void TheVin_IsDecodedOffline_AndDisagreementsAreSaid()
    {
        var facts = VinDecoder.Decode("1HGCM82633A004352");
        Assert.That(facts.Manufacturer, Is.EqualTo("Honda of America"));
        Assert.That(facts.ModelYears, Is.EqualTo(new[] { 2003 }), "position 7 is a digit: the 1980-2009 cycle");
        Assert.That(facts.Mismatches(2003, "honda"), Is.Empty);
        Assert.That(facts.Mismatches(2013, "Toyota"), Has.Count.EqualTo(2));
        Assert.That(facts.Mismatches(2013, "Toyota")[0], Does.Contain("model year 2003"));

        var european = VinDecoder.Decode("WBA00000000000000");
        Assert.That(european.ModelYears, Is.Empty, "a 0 in position 10 is no model year code");
        Assert.That(VinDecoder.ModelYears("WBA000000L0000000"), Is.EqualTo(new[] { 1990, 2020 }), "outside North America both cycles remain candidates");
    }
}
