using Dealership.Application.Data;
using Dealership.Application.Decisions;
using Dealership.Domain.Common;
using Dealership.Domain.Decisions;
using Dealership.Domain.Parts;
using Dealership.Domain.Service;

namespace Dealership.UnitTests;

public sealed class WorkshopCapacityRuleTests
{
    [Test]
    public void Book_TakesLabourUpToTheWorkshopsCapacity_ThenRefuses()
    {
        var day = new WorkshopDay(Guid.NewGuid(), new DateOnly(2026, 11, 23));
        day.Book(900, workshopCapacity: 1000, advisorBooked: 0, advisorCapacity: 960, "Alex Kim");

        var refused = Assert.Throws<DomainRuleException>(() => day.Book(120, 1000, 0, 960, "Sam Lee"));
        Assert.That(refused!.Code, Is.EqualTo("workshop-full"));
        Assert.That(refused.Facts["remainingMinutes"], Is.EqualTo(100));
        Assert.That(day.BookedMinutes, Is.EqualTo(900), "a refused booking changes nothing");
    }

    [Test]
    public void Book_RefusesBeyondTheAdvisorsDay_EvenWhenTheWorkshopHasRoom()
    {
        var day = new WorkshopDay(Guid.NewGuid(), new DateOnly(2026, 11, 23));
        var refused = Assert.Throws<DomainRuleException>(() => day.Book(120, 1920, advisorBooked: 900, advisorCapacity: 960, "Alex Kim"));
        Assert.That(refused!.Code, Is.EqualTo("advisor-full"));
        Assert.That(refused.Message, Does.Contain("Alex Kim has 1 h left"));
    }

    [Test]
    public void Release_GivesLabourBack_AndNeverBelowZero()
    {
        var day = new WorkshopDay(Guid.NewGuid(), new DateOnly(2026, 11, 23));
        day.Book(60, 1920, 0, 960, "Alex Kim");
        day.Release(90);
        Assert.That(day.BookedMinutes, Is.Zero);
    }
}

public sealed class StockReservationTests
{
    private static Part Filters(int onHand) => new(Guid.NewGuid(), "15400-plm a02", "Oil filter", onHand, new Money(1_495, "USD"));

    [Test]
    public void TryReserve_IsAllOrNothing_AndNeverBeyondWhatIsOnTheShelf()
    {
        var part = Filters(3);
        Assert.That(part.PartNumber, Is.EqualTo("15400-PLMA02"));
        Assert.That(part.TryReserve(2), Is.True);
        Assert.That(part.TryReserve(2), Is.False, "only one left");
        Assert.That((part.OnHand, part.Reserved, part.Available), Is.EqualTo((3, 2, 1)));
        Assert.That(part.TryReserve(1), Is.True);
        Assert.That(part.Available, Is.Zero);
    }

    [Test]
    public void ReleaseIssueAndCount_KeepReservedWithinOnHand()
    {
        var part = Filters(4);
        part.TryReserve(3);
        Assert.Throws<DomainRuleException>(() => part.Release(4));
        Assert.That(Assert.Throws<DomainRuleException>(() => part.CountStock(2))!.Code, Is.EqualTo("below-reserved"));
        part.Issue(2);
        Assert.That((part.OnHand, part.Reserved), Is.EqualTo((2, 1)));
        part.Release(1);
        part.CountStock(0);
        Assert.That((part.OnHand, part.Reserved), Is.EqualTo((0, 0)));
        Assert.Throws<DomainRuleException>(() => new Part(Guid.NewGuid(), "X", "Y", -1, new Money(1, "USD")));
    }

    [Test]
    public void SetSupplier_UpdatesAnExistingOffer_InThePartsCurrency()
    {
        var part = Filters(0);
        var supplier = Guid.NewGuid();
        part.SetSupplier(supplier, 2, new Money(600, "USD"));
        part.SetSupplier(supplier, 1, new Money(550, "USD"));
        Assert.That(part.Suppliers.Single().LeadTimeWorkingDays, Is.EqualTo(1));
        Assert.Throws<DomainRuleException>(() => part.SetSupplier(Guid.NewGuid(), 1, new Money(550, "CAD")));
    }
}

public sealed class SupplierChoiceTests
{
    // Portland: open Monday to Saturday.
    private static readonly WorkingDays Calendar = new([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday]);

    private static Part WithOffers(params (Guid Supplier, int Lead, long Cost)[] offers)
    {
        var part = new Part(Guid.NewGuid(), "76505-TG7-A01", "Front wiper motor", 0, new Money(38_900, "USD"));
        foreach (var (supplier, lead, cost) in offers)
        {
            part.SetSupplier(supplier, lead, new Money(cost, "USD"));
        }

        return part;
    }

    [Test]
    public void WorkingDays_SkipTheDaysTheSiteIsClosed()
    {
        var sunday = new DateOnly(2026, 11, 22);
        Assert.That(Calendar.Add(sunday, 0), Is.EqualTo(new DateOnly(2026, 11, 23)), "an order placed on Sunday starts on Monday");
        Assert.That(Calendar.Add(sunday, 6), Is.EqualTo(new DateOnly(2026, 11, 30)), "Tue..Sat, then Monday after the closed Sunday");
        Assert.That(Calendar.Before(new DateOnly(2026, 11, 30)), Is.EqualTo(new DateOnly(2026, 11, 28)), "the working day before Monday is Saturday");
    }

    [Test]
    public void Choose_TheCheapestThatDeliversAWorkingDayBefore()
    {
        var (oem, pacific, slow) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var part = WithOffers((oem, 3, 24_500), (pacific, 6, 22_900), (slow, 20, 15_000));
        var today = new DateOnly(2026, 11, 22);

        var forDecember8 = SupplierChoice.Choose(part.Suppliers, today, Calendar.Before(new DateOnly(2026, 12, 8)), Calendar)!;
        Assert.That((forDecember8.SupplierId, forDecember8.InTime, forDecember8.Eta), Is.EqualTo((pacific, true, new DateOnly(2026, 11, 30))));

        var forNovember30 = SupplierChoice.Choose(part.Suppliers, today, Calendar.Before(new DateOnly(2026, 11, 30)), Calendar)!;
        Assert.That(forNovember30.SupplierId, Is.EqualTo(oem), "Pacific's Monday is too late for a Monday visit");
    }

    [Test]
    public void Choose_TheQuickest_WhenNobodyCanMakeIt_AndNothing_WhenNobodyCarriesIt()
    {
        var (oem, pacific) = (Guid.NewGuid(), Guid.NewGuid());
        var part = WithOffers((oem, 3, 24_500), (pacific, 3, 22_900));
        var choice = SupplierChoice.Choose(part.Suppliers, new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 23), Calendar)!;
        Assert.That((choice.SupplierId, choice.InTime), Is.EqualTo((pacific, false)), "same day: the cheaper of the quickest");
        Assert.That(SupplierChoice.Choose([], new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 30), Calendar), Is.Null);
    }
}

public sealed class AppointmentPartsTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 22, 0, 0, DateTimeKind.Utc);

    private static ServiceAppointment Visit(params AppointmentPartLine[] lines) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Wipers stopped working", Now.AddDays(8), new DateOnly(2026, 11, 30), walkIn: false,
            [new AppointmentOperation("WIPER-MOTOR", "Wiper motor", 180)], lines, Guid.NewGuid(), Now);

    [Test]
    public void Readiness_FollowsTheLines_AndSaysWhenToTellPeople()
    {
        var motor = new AppointmentPartLine(Guid.NewGuid(), "76505-TG7-A01", "Front wiper motor", 1);
        var visit = Visit(motor);
        var needBy = new DateOnly(2026, 11, 28);
        Assert.That(visit.Readiness, Is.EqualTo(PartsReadiness.Planning));

        visit.MarkLineOrdered(motor, Guid.NewGuid(), new DateOnly(2026, 12, 2));
        Assert.That(visit.AssessParts(needBy, Now), Is.EqualTo(ReadinessChange.BecameAtRisk));
        Assert.That(visit.AssessParts(needBy, Now), Is.EqualTo(ReadinessChange.None), "told once");

        visit.ReserveLine(motor);
        Assert.That(visit.AssessParts(needBy, Now), Is.EqualTo(ReadinessChange.BecameReadyAfterWait));
        Assert.That(visit.AtRiskSince, Is.Null);
    }

    [Test]
    public void APartInStockFromTheStart_IsReadyWithoutAMessage_AndNoPartsMeansNothingToWaitFor()
    {
        var filter = new AppointmentPartLine(Guid.NewGuid(), "15400-PLM-A02", "Oil filter", 1);
        var visit = Visit(filter);
        visit.ReserveLine(filter);
        Assert.That(visit.AssessParts(new DateOnly(2026, 11, 28), Now), Is.EqualTo(ReadinessChange.None));
        Assert.That(visit.Readiness, Is.EqualTo(PartsReadiness.Ready));
        Assert.That(Visit().Readiness, Is.EqualTo(PartsReadiness.NoParts));
    }

    [Test]
    public void AVisitBuiltForPlanning_CarriesWhatItWasReadAt_AndTheSameRulesApply()
    {
        var id = Guid.NewGuid();
        var line = AppointmentPartLine.AsStored(41, Guid.NewGuid(), "76505-TG7-A01", "Front wiper motor", 2, PartLineState.Needed, null, null, null);
        var visit = ServiceAppointment.ForPartsPlanning(id, version: 7, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(8),
            new DateOnly(2026, 11, 30), Now.AddDays(-3), AppointmentStatus.Booked, PartsReadiness.Planning, waitedForParts: false, atRiskSince: null, [line]);
        Assert.That((visit.Id, visit.Version, visit.PartLines.Single().Id, visit.PartLines.Single().Quantity), Is.EqualTo((id, 7L, 41, 2)));
        Assert.That(visit.DomainEvents, Is.Empty, "read, not booked: it raises nothing");

        visit.MarkLineOrdered(line, Guid.NewGuid(), new DateOnly(2026, 12, 2));
        Assert.That(visit.AssessParts(new DateOnly(2026, 11, 28), Now), Is.EqualTo(ReadinessChange.BecameAtRisk));
        Assert.That((visit.Version, visit.WaitedForParts, visit.AtRiskSince), Is.EqualTo((8L, true, (DateTime?)Now)), "one new version for the unit's changes");
    }

    [Test]
    public void Cancel_HandsBackTheReservedLines_AndClosesTheVisit()
    {
        var filter = new AppointmentPartLine(Guid.NewGuid(), "15400-PLM-A02", "Oil filter", 2);
        var visit = Visit(filter);
        visit.ReserveLine(filter);
        var released = visit.Cancel("Sold the car", byCustomer: false, Now);
        Assert.That(released.Single().Quantity, Is.EqualTo(2));
        Assert.That(filter.State, Is.EqualTo(PartLineState.Needed));
        Assert.That(Assert.Throws<DomainRuleException>(() => visit.CheckIn(100, "", "text", Now.AddHours(4), Guid.NewGuid(), Now))!.Code, Is.EqualTo("appointment-closed"));
        Assert.Throws<DomainRuleException>(() => Visit().Reschedule(Now.AddDays(9), new DateOnly(2026, 12, 1), Guid.NewGuid(), " ", false, Now));
    }
}

public sealed class PartsOrderTests
{
    [Test]
    public void Lines_MergePerPart_WhileDraft_AndReceiptsCloseTheOrder()
    {
        var part = new Part(Guid.NewGuid(), "45251-TG7-A01", "Front brake disc", 0, new Money(12_450, "USD"));
        var order = new PartsOrder(part.SiteId, Guid.NewGuid(), "PDX-261122-AAAAA", DateTime.UtcNow, null);
        order.AddLine(part, 2, 5_400, 2, new DateOnly(2026, 11, 24));
        order.AddLine(part, 2, 5_400, 1, new DateOnly(2026, 11, 23));
        Assert.That(order.Lines.Single().Quantity, Is.EqualTo(4));
        Assert.That(order.ExpectedEta, Is.EqualTo(new DateOnly(2026, 11, 24)));
        Assert.Throws<DomainRuleException>(() => order.Receive(part.Id, 1, DateTime.UtcNow), "never sent");

        order.Send(Guid.NewGuid(), DateTime.UtcNow);
        Assert.Throws<DomainRuleException>(() => order.AddLine(part, 1, 5_400, 2, new DateOnly(2026, 11, 24)), "a sent order does not change behind the supplier's back");
        Assert.That(Assert.Throws<DomainRuleException>(() => order.Receive(part.Id, 5, DateTime.UtcNow))!.Code, Is.EqualTo("receive-too-many"));
        order.Receive(part.Id, 3, DateTime.UtcNow);
        Assert.That(order.Status, Is.EqualTo(PartsOrderStatus.Sent));
        order.Receive(part.Id, 1, DateTime.UtcNow);
        Assert.That(order.Status, Is.EqualTo(PartsOrderStatus.Received));
    }
}

public sealed class DecisionTests
{
    [Test]
    public void WithinTheLimit_IsApplied_AboveIt_WaitsForAManager()
    {
        var limits = new DecisionLimits();
        Assert.That(limits.For(r => r == StaffRoles.ServiceAdvisor), Is.EqualTo(10_000));
        Assert.That(limits.For(r => r == StaffRoles.Manager), Is.Null, "managers have no limit");
        Assert.That(limits.For(r => r == StaffRoles.PartsClerk), Is.Zero);

        var applied = new Decision(Guid.NewGuid(), Guid.NewGuid(), DecisionAction.Coupon, new Money(2_500, "USD"), Guid.NewGuid(), "appointment", Guid.NewGuid(),
            "Coffee while we wait for the part", withinLimit: true, DateTime.UtcNow);
        Assert.That((applied.Status, applied.Outcome), Is.EqualTo((DecisionStatus.Applied, DecisionOutcome.Open)));
        Assert.Throws<DomainRuleException>(() => applied.Approve(Guid.NewGuid(), DateTime.UtcNow));

        var manager = Guid.NewGuid();
        var big = new Decision(Guid.NewGuid(), Guid.NewGuid(), DecisionAction.Goodwill, new Money(25_000, "USD"), Guid.NewGuid(), "appointment", Guid.NewGuid(),
            "Second visit for the same fault", withinLimit: false, DateTime.UtcNow);
        Assert.That(big.Status, Is.EqualTo(DecisionStatus.AwaitingApproval));
        Assert.That(Assert.Throws<DomainRuleException>(() => big.Decline(manager, DateTime.UtcNow, " "))!.Code, Is.EqualTo("reason-required"), "a decline says why");
        Assert.That(Assert.Throws<DomainRuleException>(() => big.Approve(big.StaffId, DateTime.UtcNow))!.Code, Is.EqualTo("own-request"));
        big.Approve(manager, DateTime.UtcNow);
        Assert.That(big.DomainEvents.OfType<DecisionAwaitingApproval>().Count() + big.DomainEvents.OfType<DecisionAnswered>().Count(), Is.EqualTo(2));
        big.RecordOutcome(DecisionOutcome.CustomerKept, "Booked their next service");
        Assert.That((big.Status, big.DecidedBy, big.Outcome), Is.EqualTo((DecisionStatus.Approved, manager, DecisionOutcome.CustomerKept)));
        Assert.Throws<DomainRuleException>(() => new Decision(Guid.NewGuid(), Guid.NewGuid(), DecisionAction.Loaner, null, Guid.NewGuid(), "appointment", Guid.NewGuid(), " ", true, DateTime.UtcNow));
    }
}

public sealed class ServiceMessageTests
{
    [Test]
    public void AtRisk_SaysWhenThePartIsExpected_OrLeavesItOutWhenNobodyKnows()
    {
        static string Text(string partsBy) => Dealership.Application.Notifications.MessageTemplates.Render(
            Dealership.Application.Notifications.MessageTemplates.ServiceAtRisk, Dealership.Domain.Notifications.MessageChannel.Sms, "en",
            new Dealership.Application.Notifications.TemplateContext("Charlotte", "Harbor Motors Portland", "https://x.example/track/abc",
                new Dictionary<string, string> { ["vehicle"] = "2021 Honda Accord", ["when"] = "2026-11-26", ["partsBy"] = partsBy, ["advisorName"] = "Alex Kim" })).Text;

        Assert.That(Text("2026-12-10"), Does.Contain("in time for Thu, Nov 26 (expected Thu, Dec 10). Pick a new time"));
        Assert.That(Text(""), Does.Contain("in time for Thu, Nov 26. Pick a new time").And.Not.Contain("expected"));
    }
}
