using Dealership.Domain.Common;
using Dealership.Domain.Handover;
using Dealership.Domain.Service;

namespace Dealership.UnitTests;

/// <summary>The visit after check-in: approvals per item, what may be started and billed, ready, collection and no-show.</summary>
public sealed class WorkshopVisitTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 17, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Tech = Guid.NewGuid();
    private static readonly Guid Pads = Guid.NewGuid();
    private static readonly Guid Filter = Guid.NewGuid();

    private static ServiceAppointment CheckedIn()
    {
        var visit = new ServiceAppointment(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Oil change", Now, new DateOnly(2026, 11, 23), walkIn: false,
            [new AppointmentOperation("OIL-SVC", "Oil and filter change", 45)], [new AppointmentPartLine(Filter, "15400", "Oil filter", 1)], Guid.NewGuid(), Now.AddDays(-3));
        visit.ReserveLine(visit.PartLines[0]);
        visit.CheckIn(60_000, "", "Text", Now.AddHours(6), Guid.NewGuid(), Now);
        return visit;
    }

    private static ExtraWorkProposal Brakes(DateTime? readyBy = null) =>
        new("Front brake pads", "Metal on metal within weeks", 120, 33_000, [new ExtraWorkPart(Pads, "45022", "Front brake pad set", 1, 8_995)], readyBy);

    private static ServiceAppointment Inspected(DateTime? brakesReadyBy = null)
    {
        var visit = CheckedIn();
        visit.StartWork(Tech, Now);
        visit.RecordInspection(
        [
            new("Brakes", InspectionRating.Now, "Pads at 2 mm", Brakes(brakesReadyBy)),
            new("Wipers", InspectionRating.Soon, "Streaking", new ExtraWorkProposal("Wiper blades", null, 6, 1_650, [], null)),
            new("Battery", InspectionRating.Soon, "Weak in the cold test", null),
            new("Tires", InspectionRating.Green, null, null),
        ], Tech, Now);
        return visit;
    }

    [Test]
    public void Inspection_TurnsPricedFindingsIntoProposals_AdviceStaysAdvice_AndTheVisitWaitsForTheCustomer()
    {
        var visit = Inspected();

        Assert.That(visit.ExtraWork.Select(w => (w.Title, w.Total)), Is.EqualTo(new[] { ("Front brake pads", 33_000L + 8_995), ("Wiper blades", 1_650L) }));
        Assert.That(visit.Inspection, Has.Count.EqualTo(4));
        Assert.That(visit.Stage, Is.EqualTo(WorkshopStage.AwaitingApproval));
        Assert.That(visit.DomainEvents.OfType<InspectionRecorded>().Count(), Is.EqualTo(1));
        Assert.That(Assert.Throws<DomainRuleException>(() => visit.RecordInspection([new("Lights", InspectionRating.Green, null, null)], Tech, Now))!.Code,
            Is.EqualTo("inspection-recorded"), "what the customer was shown is not rewritten");
    }

    [Test]
    public void AFindingNeedingAttention_NeedsANote_AndInspectionWaitsForWorkToStart()
    {
        var notStarted = CheckedIn();
        Assert.That(Assert.Throws<DomainRuleException>(() => notStarted.RecordInspection([new("Tires", InspectionRating.Green, null, null)], Tech, Now))!.Code, Is.EqualTo("visit-state"));
        notStarted.StartWork(Tech, Now);
        Assert.That(Assert.Throws<DomainRuleException>(() => notStarted.RecordInspection([new("Brakes", InspectionRating.Now, " ", null)], Tech, Now))!.Code,
            Is.EqualTo("finding-note-required"));
        Assert.That(Assert.Throws<DomainRuleException>(() => notStarted.RecordInspection([new("Tires", InspectionRating.Green, null, null), new("Tires", InspectionRating.Soon, "x", null)], Tech, Now))!.Code,
            Is.EqualTo("inspection-duplicate"));
    }

    [Test]
    public void NothingUnapproved_CanBeStarted_AndTheCarIsNotReadyWithAQuestionOpen()
    {
        var visit = Inspected();
        var brakes = visit.ExtraWork[0];

        Assert.That(Assert.Throws<DomainRuleException>(() => visit.StartExtraWork(brakes.Id, Now))!.Code, Is.EqualTo("not-approved"));
        Assert.That(Assert.Throws<DomainRuleException>(() => visit.MarkReady(Tech, Now))!.Code, Is.EqualTo("awaiting-approval"));
        visit.AnswerExtraWork(brakes.Id, approved: false, ChoiceChannel.Phone, Tech, Now);
        Assert.That(Assert.Throws<DomainRuleException>(() => visit.StartExtraWork(brakes.Id, Now))!.Message, Does.Contain("declined"));
        Assert.That(Assert.Throws<DomainRuleException>(() => visit.AnswerExtraWork(brakes.Id, true, ChoiceChannel.Phone, Tech, Now))!.Code, Is.EqualTo("already-answered"));
    }

    [Test]
    public void StaffCannotClaimTheCustomerAnsweredOnTheirOwnPage()
    {
        var visit = Inspected();
        Assert.That(Assert.Throws<DomainRuleException>(() => visit.AnswerExtraWork(visit.ExtraWork[0].Id, true, ChoiceChannel.TrackingPage, Tech, Now))!.Code,
            Is.EqualTo("channel-not-yours"));
    }

    [Test]
    public void ApprovingWorkWhosePartMustBeOrdered_AddsItsLines_AndMovesTheReadyTimeToTheOneTheCustomerSaw()
    {
        var later = Now.AddDays(2);
        var visit = Inspected(brakesReadyBy: later);

        visit.AnswerExtraWork(visit.ExtraWork[0].Id, approved: true, ChoiceChannel.TrackingPage, recordedBy: null, Now);

        Assert.That(visit.PromisedReadyAt, Is.EqualTo(later));
        Assert.That(visit.PartLines.Single(l => l.PartId == Pads).ExtraWorkId, Is.EqualTo(visit.ExtraWork[0].Id));
        Assert.That(visit.DomainEvents.OfType<ReadyTimeMoved>().Single().Next, Is.EqualTo(later));
        visit.AnswerExtraWork(visit.ExtraWork[1].Id, approved: false, ChoiceChannel.TrackingPage, recordedBy: null, Now);
        Assert.That(Assert.Throws<DomainRuleException>(() => visit.MarkReady(Tech, Now))!.Code, Is.EqualTo("parts-missing"), "the pads are not in yet");
    }

    [Test]
    public void Ready_ConsumesEveryLine_AndCollectionNeedsTheExactClearedAmount()
    {
        var visit = Inspected();
        visit.AnswerExtraWork(visit.ExtraWork[0].Id, true, ChoiceChannel.TrackingPage, null, Now);
        visit.AnswerExtraWork(visit.ExtraWork[1].Id, false, ChoiceChannel.Phone, Tech, Now);
        visit.ReserveLine(visit.PartLines.Single(l => l.PartId == Pads));
        Assert.That(Assert.Throws<DomainRuleException>(() => visit.MarkReady(Tech, Now))!.Code, Is.EqualTo("approved-not-started"), "ready cannot bill work nobody did");
        visit.StartExtraWork(visit.ExtraWork[0].Id, Now);

        var consumed = visit.MarkReady(Tech, Now);

        Assert.That(consumed.Select(l => l.PartId), Is.EquivalentTo(new[] { Filter, Pads }));
        Assert.That(visit.ExtraWork[0].DoneAt, Is.EqualTo(Now));
        var bill = new Money(100_00, "USD");
        Assert.That(Assert.Throws<DomainRuleException>(() => visit.Collect(bill, bill, "Check", pending: true, "CHK 1", Tech, Now))!.Code, Is.EqualTo("payment-pending"));
        Assert.That(Assert.Throws<DomainRuleException>(() => visit.Collect(bill, new Money(99_99, "USD"), "Card", false, "A1", Tech, Now))!.Message, Does.Contain("$0.01 is still due"));
        Assert.That(Assert.Throws<DomainRuleException>(() => visit.Collect(bill, new Money(100_00, "EUR"), "Card", false, "A1", Tech, Now))!.Code, Is.EqualTo("payment-mismatch"));
        Assert.That(Assert.Throws<DomainRuleException>(() => visit.Collect(bill, bill, "Card", false, null, Tech, Now))!.Code, Is.EqualTo("reference-required"));
        visit.Collect(bill, bill, "Cash", false, null, Tech, Now);
        Assert.That(visit.Status, Is.EqualTo(AppointmentStatus.Collected));
        Assert.That(Assert.Throws<DomainRuleException>(() => visit.Collect(bill, bill, "Cash", false, null, Tech, Now))!.Code, Is.EqualTo("visit-state"), "collected once");
    }

    [Test]
    public void ANoShow_GivesItsReservedPartsBack_AndOnlyABookedVisitCanBeOne()
    {
        var booked = new ServiceAppointment(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Oil change", Now, new DateOnly(2026, 11, 23), false,
            [new AppointmentOperation("OIL-SVC", "Oil and filter change", 45)], [new AppointmentPartLine(Filter, "15400", "Oil filter", 2)], Guid.NewGuid(), Now);
        booked.ReserveLine(booked.PartLines[0]);

        var released = booked.MarkNoShow(Now);

        Assert.That(released.Single().Quantity, Is.EqualTo(2));
        Assert.That(booked.Status, Is.EqualTo(AppointmentStatus.NoShow));
        Assert.That(booked.PartLines[0].State, Is.EqualTo(PartLineState.Needed));
        Assert.That(Assert.Throws<DomainRuleException>(() => CheckedIn().MarkNoShow(Now))!.Code, Is.EqualTo("appointment-closed"));
    }
}

/// <summary>The bill's arithmetic, to the cent.</summary>
public sealed class ServiceBillTests
{
    private static readonly Guid Filter = Guid.NewGuid();
    private static readonly Guid Oil = Guid.NewGuid();

    private static ServiceAppointment Visit(int minutes = 45, params AppointmentOperation[] operations) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Oil change", DateTime.UtcNow, new DateOnly(2026, 11, 23), false,
            operations.Length > 0 ? operations : [new AppointmentOperation("OIL-SVC", "Oil and filter change", minutes)],
            [new AppointmentPartLine(Filter, "15400", "Oil filter", 1), new AppointmentPartLine(Oil, "08798", "Engine oil", 2)], Guid.NewGuid(), DateTime.UtcNow);

    private static readonly Dictionary<Guid, long> Prices = new() { [Filter] = 1_495, [Oil] = 3_995 };

    [Test]
    public void Labour_IsMinutesAtTheHourlyRate_RoundedHalfUpToTheCent()
    {
        Assert.That(ServiceBill.Labour(45, 16_500), Is.EqualTo(12_375));
        Assert.That(ServiceBill.Labour(7, 15_000), Is.EqualTo(1_750));
        Assert.That(ServiceBill.Labour(1, 12_345), Is.EqualTo(206), "205.75 rounds up");
        Assert.That(ServiceBill.Labour(1, 12_327), Is.EqualTo(205), "205.45 rounds down");
    }

    [Test]
    public void TheBill_IsLabourPlusPartsAtSellPrice_PlusTaxRoundedOnce()
    {
        var bill = ServiceBill.For(Visit(), 16_500, taxBasisPoints: 725, "USD", Prices, []);

        Assert.That(bill.Lines.Select(l => l.Amount), Is.EqualTo(new[] { 12_375L, 1_495, 7_990 }));
        Assert.That(bill.Subtotal, Is.EqualTo(21_860));
        Assert.That(bill.Tax, Is.EqualTo(1_585), "7.25% of 218.60 is 15.8485: 15.85");
        Assert.That(bill.Total, Is.EqualTo(23_445));
    }

    [Test]
    public void Goodwill_ComesOffBeforeTax_AndNeverTakesTheBillBelowZero()
    {
        var bill = ServiceBill.For(Visit(), 16_500, 1_000, "USD", Prices, [2_500, 1_000]);
        Assert.That(bill.Goodwill, Is.EqualTo(3_500));
        Assert.That(bill.Tax, Is.EqualTo(1_836), "10% of 183.60");
        Assert.That(bill.Total, Is.EqualTo(21_860 - 3_500 + 1_836));

        var generous = ServiceBill.For(Visit(), 16_500, 1_000, "USD", Prices, [1_000_000]);
        Assert.That(generous.Total, Is.Zero);
    }

    [Test]
    public void OnlyApprovedExtraWork_IsBilled_AsItWasPricedToTheCustomer_AndItsPartsAreNotBilledTwice()
    {
        var visit = Visit();
        visit.ReserveLine(visit.PartLines[0]);
        visit.ReserveLine(visit.PartLines[1]);
        visit.CheckIn(1, "", "Text", DateTime.UtcNow.AddHours(4), Guid.NewGuid(), DateTime.UtcNow);
        visit.StartWork(Guid.NewGuid(), DateTime.UtcNow);
        var pads = Guid.NewGuid();
        visit.RecordInspection(
        [
            new("Brakes", InspectionRating.Now, "Worn", new ExtraWorkProposal("Front brake pads", null, 120, 33_000, [new ExtraWorkPart(pads, "45022", "Pads", 1, 8_995)], null)),
            new("Wipers", InspectionRating.Soon, "Streaking", new ExtraWorkProposal("Wiper blades", null, 6, 1_650, [], null)),
        ], Guid.NewGuid(), DateTime.UtcNow);
        visit.AnswerExtraWork(visit.ExtraWork[0].Id, true, ChoiceChannel.TrackingPage, null, DateTime.UtcNow);
        visit.AnswerExtraWork(visit.ExtraWork[1].Id, false, ChoiceChannel.TrackingPage, null, DateTime.UtcNow);

        var bill = ServiceBill.For(visit, 16_500, 0, "USD", new Dictionary<Guid, long>(Prices) { [pads] = 99_999 }, []);

        Assert.That(bill.Lines.Select(l => l.Description), Has.None.Contains("Wiper"));
        Assert.That(bill.Lines.Single(l => l.Kind == ServiceBillLineKind.ExtraWork).Amount, Is.EqualTo(33_000 + 8_995), "the price the customer approved, not today's list price");
        Assert.That(bill.Total, Is.EqualTo(21_860 + 41_995));
    }

    [Test]
    public void AVisitWithNoKnownOperation_IsBilledTheDiagnosisHour()
    {
        var diagnosis = new ServiceAppointment(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Noise", DateTime.UtcNow, new DateOnly(2026, 11, 23), false,
            [], [], Guid.NewGuid(), DateTime.UtcNow);
        var bill = ServiceBill.For(diagnosis, 16_500, 0, "USD", Prices, []);
        Assert.That(bill.Lines.Single().Description, Does.StartWith("Diagnosis (1 h)"));
        Assert.That(bill.Total, Is.EqualTo(16_500));
    }
}

/// <summary>Discretionary limits: changed only with a reason, every change kept.</summary>
public sealed class DiscretionPolicyTests
{
    [Test]
    public void AChange_NeedsAReason_IsKeptWithWhatItChangedFrom_AndAlwaysAskMeansALimitOfZero()
    {
        var policy = new Dealership.Domain.Decisions.DiscretionPolicy(Guid.NewGuid(), "ServiceAdvisor", Dealership.Domain.Decisions.DecisionAction.Goodwill, startingLimit: 10_000);
        var manager = Guid.NewGuid();

        Assert.That(Assert.Throws<DomainRuleException>(() => policy.Change(true, 30_000, " ", manager, DateTime.UtcNow))!.Code, Is.EqualTo("reason-required"));
        Assert.That(Assert.Throws<DomainRuleException>(() => policy.Change(true, -1, "x", manager, DateTime.UtcNow))!.Code, Is.EqualTo("limit-negative"));
        policy.Change(true, 30_000, "Repeat visits", manager, DateTime.UtcNow);
        policy.Change(false, 50_000, "Budget freeze", manager, DateTime.UtcNow);

        Assert.That(policy.EffectiveLimit, Is.Zero, "not allowed: every request asks");
        Assert.That(policy.Limit, Is.Null);
        Assert.That(policy.History.Select(h => (h.WasLimit, h.Limit, h.Reason)), Is.EqualTo(new[] { ((long?)10_000, (long?)30_000, "Repeat visits"), (30_000, null, "Budget freeze") }));
    }
}
