using Dealership.Application.Notifications;
using Dealership.Domain.Common;
using Dealership.Domain.Notifications;

namespace Dealership.UnitTests;

public sealed class NotificationTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 18, 0, 0, DateTimeKind.Utc);

    private static Notification NewText() =>
        new(Guid.NewGuid(), null, MessageChannel.Sms, MessageTemplates.StaffMessage, "en", "customer/1/message/1/sms", "+15035550100", "{}", urgent: false, proactive: true, Now);

    [Test]
    public void Queued_IsPendingAndDueAtOnce_WithNoEventToHandle()
    {
        var n = NewText();
        Assert.That(n.Status, Is.EqualTo(NotificationStatus.Pending));
        Assert.That(n.DueAt, Is.EqualTo(Now));
        Assert.That(n.DomainEvents, Is.Empty, "the unit of work sees the new row itself; no event is needed to kick the dispatcher");
    }

    [Test]
    public void Claim_IsExclusive_ASecondClaimIsRefused()
    {
        var n = NewText();
        n.Claim(Now, TimeSpan.FromMinutes(2), "hash", null, "body");

        Assert.That(n.Status, Is.EqualTo(NotificationStatus.Sending));
        Assert.That(n.LeaseUntil, Is.EqualTo(Now.AddMinutes(2)));
        Assert.Throws<DomainRuleException>(() => n.Claim(Now, TimeSpan.FromMinutes(2), "hash", null, "body"));
    }

    [Test]
    public void TransientFailures_FollowTheRetrySchedule_ThenTheMessageIsDead()
    {
        var n = NewText();
        var now = Now;
        for (var attempt = 1; attempt <= Notification.RetrySchedule.Count; attempt++)
        {
            n.Claim(now, TimeSpan.FromMinutes(2), null, null, "body");
            n.MarkFailed("busy", permanent: false, now);
            Assert.That(n.Status, Is.EqualTo(NotificationStatus.Failed));
            Assert.That(n.DueAt, Is.EqualTo(now + Notification.RetrySchedule[attempt - 1]));
            now = n.DueAt;
        }

        n.Claim(now, TimeSpan.FromMinutes(2), null, null, "body");
        n.MarkFailed("busy", permanent: false, now);
        Assert.That(n.Status, Is.EqualTo(NotificationStatus.Dead));
        Assert.That(n.DomainEvents.OfType<NotificationDied>().Single().Permanent, Is.False);
    }

    [Test]
    public void APermanentFailure_IsDeadAtOnce()
    {
        var n = NewText();
        n.Claim(Now, TimeSpan.FromMinutes(2), null, null, "body");
        n.MarkFailed("21211 invalid number", permanent: true, Now);
        Assert.That(n.Status, Is.EqualTo(NotificationStatus.Dead));
        Assert.That(n.DomainEvents.OfType<NotificationDied>().Single().Permanent, Is.True);
    }

    [Test]
    public void ADeferredMessage_CannotBeClaimedBeforeItIsDue()
    {
        var n = NewText();
        n.Defer(Now.AddHours(3));
        Assert.Throws<DomainRuleException>(() => n.Claim(Now, TimeSpan.FromMinutes(2), null, null, "body"));
        n.Claim(Now.AddHours(3), TimeSpan.FromMinutes(2), null, null, "body");
        Assert.That(n.Status, Is.EqualTo(NotificationStatus.Sending));
    }

    [Test]
    public void Resend_OnlyForDeadOrFailing()
    {
        var n = NewText();
        Assert.Throws<DomainRuleException>(() => n.Resend(null, Now));
        n.Claim(Now, TimeSpan.FromMinutes(2), null, null, "body");
        n.MarkFailed("invalid", permanent: true, Now);
        n.Resend("+15035550199", Now.AddDays(1));
        Assert.That(n.Status, Is.EqualTo(NotificationStatus.Pending));
        Assert.That(n.Attempts, Is.Zero);
        Assert.That(n.Recipient, Is.EqualTo("+15035550199"));
    }

    [Test]
    public void TrackingTokens_Have160RandomBits_AndOnlyTheirHashIsComparable()
    {
        var token = TrackingTokens.NewToken();
        Assert.That(token, Has.Length.EqualTo(27));
        Assert.That(TrackingTokens.NewToken(), Is.Not.EqualTo(token));
        var text = $"Your updates: https://x.example/track/{token}. Call 503-555-0100 or see https://x.example/help";
        Assert.That(TrackingTokens.HashesIn(text), Is.EqualTo(new[] { TrackingTokens.Hash(token) }));
        Assert.That(TrackingTokens.HashesIn($"https://x.example/track/{TrackingTokens.Mask}"), Is.Empty);
        Assert.That(TrackingTokens.HashesIn($"https://x.example/track/{token}x"), Is.Empty, "a longer word is not a token");
    }
}

public sealed class OutgoingEmailTests
{
    [Test]
    public void ATextOnlyEmail_GetsAnHtmlPartMadeFromItsText_Encoded()
    {
        var email = new Dealership.Application.Notifications.OutgoingEmail(Guid.NewGuid(), "orders@acme.example.com", "Acme <Parts>", "Order",
            "Hello Acme <Parts>,\n\n  2 x 76505-TG7-A01  Wiper motor\n\nThank you", "", "id@dealership.local");

        Assert.That(email.Html, Does.StartWith("<!DOCTYPE html>"));
        Assert.That(email.Html, Does.Contain("Hello Acme &lt;Parts&gt;,"));
        Assert.That(email.Html, Does.Contain("  2 x 76505-TG7-A01  Wiper motor"), "line layout kept for the counter clerk");
        Assert.That(email.Html, Does.Not.Contain("<Parts>"));
    }

    [Test]
    public void AnEmailWithItsOwnHtml_KeepsIt()
    {
        var email = new Dealership.Application.Notifications.OutgoingEmail(Guid.NewGuid(), "a@b.example.com", "A", "S", "text", "<p>html</p>", "id");
        Assert.That(email.Html, Is.EqualTo("<p>html</p>"));
    }
}
