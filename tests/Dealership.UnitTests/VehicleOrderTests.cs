using Dealership.Domain.Common;
using Dealership.Domain.Orders;

namespace Dealership.UnitTests;

public sealed class VehicleOrderTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 18, 0, 0, DateTimeKind.Utc);

    private static VehicleOrder NewOrder(Dictionary<OrderMilestone, DateOnly>? promises = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new VehicleSpec(2027, "Honda", "Accord", "Touring", "Blue", null, null),
            new Money(3_899_000, "USD"), new Money(89_500, "USD"),
            promises ?? new Dictionary<OrderMilestone, DateOnly>
            {
                [OrderMilestone.FactoryConfirmed] = new(2026, 12, 1),
                [OrderMilestone.ArrivedAtDealership] = new(2027, 2, 1),
            },
            Now);

    private static readonly Dealership.Domain.TradeIns.DealRules NoTax = new(0, true, 7, 21, 0);

    [Test]
    public void Placed_StartsAtOrdered_WithEveryMilestoneAndChecklistItem()
    {
        var order = NewOrder();
        Assert.That(order.Status, Is.EqualTo(OrderMilestone.Ordered));
        Assert.That(order.Milestones, Has.Count.EqualTo(8));
        Assert.That(order.MilestoneOf(OrderMilestone.Ordered).ReachedAt, Is.EqualTo(Now));
        Assert.That(order.Checklist, Has.Count.EqualTo(4));
        Assert.That(DealBalance.For(order, null, NoTax).Due, Is.EqualTo(new Money(3_988_500, "USD")));
        Assert.That(order.DomainEvents, Has.Exactly(1).InstanceOf<OrderPlaced>());
    }

    [Test]
    public void Milestones_HappenInOrder()
    {
        var order = NewOrder();
        var error = Assert.Throws<DomainRuleException>(() => order.RecordMilestone(OrderMilestone.Built, Now, Now));
        Assert.That(error!.Code, Is.EqualTo("milestone-out-of-order"));
        Assert.That(error.Message, Does.Contain("Factory confirmed"));

        order.RecordMilestone(OrderMilestone.FactoryConfirmed, Now.AddHours(1), Now.AddHours(3));
        Assert.That(order.Status, Is.EqualTo(OrderMilestone.FactoryConfirmed));
        Assert.That(Assert.Throws<DomainRuleException>(() => order.RecordMilestone(OrderMilestone.FactoryConfirmed, Now, Now))!.Code, Is.EqualTo("milestone-already-recorded"));
        Assert.That(order.DomainEvents.OfType<MilestoneReached>().Single().Milestone, Is.EqualTo(OrderMilestone.FactoryConfirmed));
    }

    [Test]
    public void CollectionAndDelivery_AreNotRecordedDirectly()
    {
        var order = NewOrder();
        foreach (var m in new[] { OrderMilestone.FactoryConfirmed, OrderMilestone.Built, OrderMilestone.InTransit, OrderMilestone.ArrivedAtDealership, OrderMilestone.PreparedForDelivery })
        {
            order.RecordMilestone(m, Now, Now);
        }

        Assert.That(Assert.Throws<DomainRuleException>(() => order.RecordMilestone(OrderMilestone.CollectionScheduled, Now, Now))!.Code, Is.EqualTo("milestone-not-recordable"));
    }

    [Test]
    public void AMilestone_MayBeRecordedForWhenItReallyHappened_ButNotBeforeTheStepItFollows()
    {
        var order = NewOrder();
        var later = Now.AddDays(3);
        order.RecordMilestone(OrderMilestone.FactoryConfirmed, Now.AddDays(1), later);
        Assert.That(order.MilestoneOf(OrderMilestone.FactoryConfirmed).ReachedAt, Is.EqualTo(Now.AddDays(1)), "recorded two days late, dated when it happened");

        var before = Assert.Throws<DomainRuleException>(() => order.RecordMilestone(OrderMilestone.Built, Now.AddHours(12), later))!;
        Assert.That(before.Code, Is.EqualTo("milestone-before-previous"));
        Assert.That(before.Message, Does.Contain("before factory confirmed"));
        Assert.That(Assert.Throws<DomainRuleException>(() => NewOrder().RecordMilestone(OrderMilestone.FactoryConfirmed, Now.AddDays(-2), later))!.Message,
            Does.Contain("before the order was placed"));
        Assert.That(Assert.Throws<DomainRuleException>(() => NewOrder().RecordMilestone(OrderMilestone.FactoryConfirmed, Now.AddDays(-2), later))!.Code,
            Is.EqualTo("milestone-before-previous"), "nothing happens to an order before it was placed");
    }

    [Test]
    public void AMilestoneInTheFuture_IsRefused() =>
        Assert.That(Assert.Throws<DomainRuleException>(() => NewOrder().RecordMilestone(OrderMilestone.FactoryConfirmed, Now.AddDays(1), Now))!.Code, Is.EqualTo("milestone-in-future"));

    [Test]
    public void ChangingAPromise_NeedsAReason_AndRaisesTheChangeWithTheOldDate()
    {
        var order = NewOrder();
        Assert.That(Assert.Throws<DomainRuleException>(() => order.ChangePromise(OrderMilestone.ArrivedAtDealership, new DateOnly(2027, 2, 8), " ", new DateOnly(2026, 11, 22), Now))!.Code, Is.EqualTo("reason-required"));

        order.ChangePromise(OrderMilestone.ArrivedAtDealership, new DateOnly(2027, 2, 8), "Port congestion", new DateOnly(2026, 11, 22), Now);

        var change = order.DomainEvents.OfType<PromisedDateChanged>().Single();
        Assert.That(change.Previous, Is.EqualTo(new DateOnly(2027, 2, 1)));
        Assert.That(change.Promised, Is.EqualTo(new DateOnly(2027, 2, 8)));
        Assert.That(order.MilestoneOf(OrderMilestone.ArrivedAtDealership).LastChangeReason, Is.EqualTo("Port congestion"));
    }

    [Test]
    public void Promises_CannotGoBeforeAnEarlierMilestonesPromise() =>
        Assert.That(Assert.Throws<DomainRuleException>(() => NewOrder().ChangePromise(OrderMilestone.ArrivedAtDealership, new DateOnly(2026, 11, 30), "typo", new DateOnly(2026, 11, 22), Now))!.Code,
            Is.EqualTo("promises-out-of-order"));

    [Test]
    public void APromiseForAMilestoneAlreadyReached_CannotChange()
    {
        var order = NewOrder();
        order.RecordMilestone(OrderMilestone.FactoryConfirmed, Now, Now);
        Assert.That(Assert.Throws<DomainRuleException>(() => order.ChangePromise(OrderMilestone.FactoryConfirmed, new DateOnly(2026, 12, 5), "x", new DateOnly(2026, 11, 22), Now))!.Code,
            Is.EqualTo("milestone-already-recorded"));
    }

    [Test]
    public void ACheck_IsVerifiedWithTheBankOnce_AndTheBanksWordStillReplacesADecisionToTakeItOnRisk()
    {
        var order = NewOrder();
        var manager = Guid.NewGuid();
        var verified = order.RecordPayment(PaymentMethod.CompanyCheck, new Money(50_000, "USD"), "CHK-1", PaymentStatus.Pending, manager, Now);
        order.VerifyPayment(verified.Id, manager, "First Harbor Bank, J. Ortiz: funds held", Now);
        Assert.That(Assert.Throws<DomainRuleException>(() => order.VerifyPayment(verified.Id, manager, "Called again", Now))!.Code, Is.EqualTo("already-verified"));
        Assert.That(verified.VerificationNote, Is.EqualTo("First Harbor Bank, J. Ortiz: funds held"), "the first record stands");

        var another = NewOrder(); // (a payment's id is given when it is saved; one pending check per order here)
        var onRisk = another.RecordPayment(PaymentMethod.CompanyCheck, new Money(20_000, "USD"), "CHK-2", PaymentStatus.Pending, manager, Now);
        another.AcceptPaymentOnRisk(onRisk.Id, manager, "Taken before it clears, by decision", Now);
        Assert.That(Assert.Throws<DomainRuleException>(() => another.AcceptPaymentOnRisk(onRisk.Id, manager, "Again", Now))!.Code, Is.EqualTo("already-verified"));
        another.VerifyPayment(onRisk.Id, manager, "Bank confirmed after all", Now);
        Assert.That((onRisk.AcceptedOnRisk, onRisk.VerificationNote), Is.EqualTo((false, "Bank confirmed after all")), "the bank's word replaces the risk taken");
    }

    [Test]
    public void Payments_ClearedAndLenderFundingCount_AndCancellingShowsDepositsToRefund()
    {
        var order = NewOrder();
        var staff = Guid.NewGuid();
        order.RecordPayment(PaymentMethod.Card, new Money(100_000, "USD"), "AUTH-551", PaymentStatus.Cleared, staff, Now);
        order.RecordPayment(PaymentMethod.Check, new Money(50_000, "USD"), "CHK-1001", PaymentStatus.Pending, staff, Now);
        order.RecordPayment(PaymentMethod.LenderFunding, new Money(3_000_000, "USD"), "LOAN-77", PaymentStatus.Pending, staff, Now);

        Assert.That(order.Paid, Is.EqualTo(new Money(3_100_000, "USD")), "a pending cheque does not count; the lender's approved funding does");
        Assert.That(DealBalance.For(order, null, NoTax).Due, Is.EqualTo(new Money(888_500, "USD")));
        Assert.That(DealBalance.For(order, null, NoTax).Pending, Is.EqualTo(new Money(50_000, "USD")), "the cheque shows as pending, not paid");

        order.Cancel("Customer changed their mind", Now);
        Assert.That(order.DomainEvents.OfType<OrderCancelled>().Single().Refundable, Is.EqualTo(new Money(100_000, "USD")));
        Assert.That(Assert.Throws<DomainRuleException>(() => order.RecordMilestone(OrderMilestone.FactoryConfirmed, Now, Now))!.Code, Is.EqualTo("order-cancelled"));
    }

    [Test]
    public void APaymentWithoutReference_IsRefusedUnlessCash()
    {
        var order = NewOrder();
        Assert.That(Assert.Throws<DomainRuleException>(() => order.RecordPayment(PaymentMethod.CompanyCheck, new Money(1, "USD"), null, PaymentStatus.Pending, Guid.NewGuid(), Now))!.Code,
            Is.EqualTo("reference-required"));
        Assert.DoesNotThrow(() => order.RecordPayment(PaymentMethod.Cash, new Money(1, "USD"), null, PaymentStatus.Cleared, Guid.NewGuid(), Now));
    }

    [Test]
    public void Checklist_RecordsWhoAndWhen_AndCompletesWhenAllAreDone()
    {
        var order = NewOrder();
        var staff = Guid.NewGuid();
        foreach (var item in Enum.GetValues<ChecklistItem>())
        {
            Assert.That(order.ChecklistComplete, Is.False);
            order.SetChecklistItem(item, true, staff, Now);
        }

        Assert.That(order.ChecklistComplete, Is.True);
        Assert.That(order.Checklist.All(c => c.DoneBy == staff && c.DoneAt == Now), Is.True);
    }

    [Test]
    public void ASlippedPromise_MovesTheLaterPromisesByTheSameDays_InOneEvent()
    {
        var order = NewOrder(new Dictionary<OrderMilestone, DateOnly>
        {
            [OrderMilestone.FactoryConfirmed] = new(2026, 12, 1),
            [OrderMilestone.ArrivedAtDealership] = new(2027, 2, 1),
            [OrderMilestone.PreparedForDelivery] = new(2027, 2, 4),
        });
        order.ClearDomainEvents();

        order.ChangePromise(OrderMilestone.FactoryConfirmed, new DateOnly(2026, 12, 15), "Factory backlog", new DateOnly(2026, 11, 22), Now);

        Assert.That(order.MilestoneOf(OrderMilestone.ArrivedAtDealership).PromisedDate, Is.EqualTo(new DateOnly(2027, 2, 15)));
        Assert.That(order.MilestoneOf(OrderMilestone.PreparedForDelivery).PromisedDate, Is.EqualTo(new DateOnly(2027, 2, 18)));
        var changed = order.DomainEvents.OfType<PromisedDateChanged>().Single();
        Assert.That(changed.Shifted.Select(s => s.Milestone), Is.EqualTo(new[] { OrderMilestone.ArrivedAtDealership, OrderMilestone.PreparedForDelivery }));
    }

    [Test]
    public void APromiseBroughtForward_LeavesTheLaterOnesAlone()
    {
        var order = NewOrder();
        order.ChangePromise(OrderMilestone.FactoryConfirmed, new DateOnly(2026, 11, 28), "Early slot", new DateOnly(2026, 11, 22), Now);
        Assert.That(order.MilestoneOf(OrderMilestone.ArrivedAtDealership).PromisedDate, Is.EqualTo(new DateOnly(2027, 2, 1)));
    }

    [Test]
    public void APromiseInThePast_IsRefused() =>
        Assert.That(Assert.Throws<DomainRuleException>(() => NewOrder().ChangePromise(OrderMilestone.ArrivedAtDealership, new DateOnly(2026, 11, 21), "typo",
            new DateOnly(2026, 11, 22), Now))!.Code, Is.EqualTo("promise-in-past"));
}
