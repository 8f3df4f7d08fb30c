using Dealership.Domain.Common;
using Dealership.Domain.Promises;

namespace Dealership.UnitTests;

public sealed class CustomerPromiseTests
{
    private static readonly DateTime Due = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    private static CustomerPromise NewPromise() =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Call back by 5pm", Due, PromiseKind.Manual, null, null, null, Due.AddDays(-1));

    [Test]
    public void KeptOnTime_IsKept_KeptLate_IsBroken()
    {
        var onTime = NewPromise();
        onTime.Keep(Due.AddMinutes(-1), Due);
        var late = NewPromise();
        late.Keep(Due.AddMinutes(1), Due.AddMinutes(1));

        Assert.That(onTime.State, Is.EqualTo(PromiseState.Kept));
        Assert.That(late.State, Is.EqualTo(PromiseState.Broken));
    }

    [Test]
    public void Renegotiated_BeforeItFellDue_IsNotBroken_AfterwardsItIs()
    {
        var early = NewPromise();
        early.Renegotiate("Moved with the customer told", Due.AddHours(-5));
        var late = NewPromise();
        late.Renegotiate("Moved too late", Due.AddHours(5));

        Assert.That(early.State, Is.EqualTo(PromiseState.Renegotiated));
        Assert.That(late.State, Is.EqualTo(PromiseState.Broken));
    }

    [Test]
    public void AClosedPromise_CannotBeClosedAgain_AndWithdrawingNeedsAReason()
    {
        var promise = NewPromise();
        Assert.That(Assert.Throws<DomainRuleException>(() => promise.Withdraw(" ", Due))!.Code, Is.EqualTo("reason-required"));
        promise.Withdraw("Customer cancelled the appointment", Due);
        Assert.That(Assert.Throws<DomainRuleException>(() => promise.Keep(Due, Due))!.Code, Is.EqualTo("promise-closed"));
    }
}
