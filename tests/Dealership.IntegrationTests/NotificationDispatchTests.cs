using System.Net;
using System.Net.Http.Json;
using Dealership.Domain.Notifications;
using Dealership.IntegrationTests.Fakes;
using Microsoft.EntityFrameworkCore;

namespace Dealership.IntegrationTests;

/// <summary>The outbox end to end: queued with the change, sent by the job through real SMTP and the Twilio contract, never twice.</summary>
public sealed class NotificationDispatchTests
{
    private MessagingApp _m = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _m = await MessagingApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _m.DisposeAsync();

    [SetUp]
    public async Task DrainAsync()
    {
        // Each test starts with an empty queue (earlier tests may have left retries scheduled in the future).
        _m.Smtp.Start();
        await _m.App.QueryAsync(db => db.Notifications.Where(n => n.Status != NotificationStatus.Sent && n.Status != NotificationStatus.Delivered)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Suppressed)));
    }

    private Task<List<Notification>> NotificationsOf(Guid customerId) =>
        _m.App.QueryAsync(db => db.Notifications.Where(n => n.CustomerId == customerId).OrderBy(n => n.CreatedAt).ToListAsync());

    [Test]
    public async Task StaffMessage_ToATextingCustomer_IsQueued_ThenSentOnceThroughTwilio_WithAPersonalLink()
    {
        var id = await _m.CreateCustomerAsync("Texter", "503-555-0150", null, "sms");
        var response = await _m.SendMessageAsync(id, "Your car is ready for its inspection tomorrow at 9.");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var queued = (await NotificationsOf(id)).Single(n => n.TemplateKey == "staff.message");
        Assert.That(queued.Status, Is.EqualTo(NotificationStatus.Pending));
        Assert.That(queued.DeduplicationKey, Does.StartWith($"customer/{id}/message/").And.EndWith("/sms"));

        await _m.DispatchAsync();
        await _m.DispatchAsync();

        var texts = _m.Twilio.Accepted.Where(m => m.To == "+15035550150" && m.Body.Contains("inspection", StringComparison.Ordinal)).ToList();
        Assert.That(texts, Has.Count.EqualTo(1), "a second dispatch run sends nothing again");
        Assert.That(texts[0].Body, Does.Contain($"{MessagingApp.PublicBaseUrl}/track/"));
        Assert.That(texts[0].StatusCallback, Is.EqualTo($"{MessagingApp.PublicBaseUrl}/webhooks/twilio/status/{queued.Id}"));
        var sent = (await NotificationsOf(id)).Single(n => n.Id == queued.Id);
        Assert.That(sent.Status, Is.EqualTo(NotificationStatus.Sent));
        Assert.That(sent.ProviderMessageId, Is.EqualTo(texts[0].Sid));
        Assert.That(sent.Body, Does.Contain("/track/******"), "the stored copy never holds the link");
        var touchpoints = await _m.App.QueryAsync(db => db.Touchpoints.Where(t => t.CustomerId == id && t.SubjectId == queued.Id).ToListAsync());
        Assert.That(touchpoints.Select(t => t.Kind), Has.Member(Domain.Journey.TouchpointKind.MessageSent));
    }

    [Test]
    public async Task StaffMessage_ToAnEmailCustomer_ArrivesOverRealSmtp_AsHtmlAndText_WithADeterministicMessageId()
    {
        var id = await _m.CreateCustomerAsync("Mailer", null, "robin.mailer@example.com", "email");
        await _m.SendMessageAsync(id, "Your loaner is booked for Thursday.");

        await _m.DispatchAsync();

        var notification = (await NotificationsOf(id)).Single(n => n.TemplateKey == "staff.message");
        Assert.That(notification.Status, Is.EqualTo(NotificationStatus.Sent), notification.LastError);
        var mail = _m.Smtp.MessagesTo("robin.mailer@example.com").Single(m => (m.TextBody ?? "").Contains("loaner", StringComparison.Ordinal));
        Assert.That(mail.MessageId, Is.EqualTo($"notification-{notification.Id:N}@dealership.local"));
        Assert.That(mail.HtmlBody, Does.Contain("See my updates").And.Contain("/track/"));
        Assert.That(mail.Subject, Does.Contain("Sam Carter"));
        Assert.That(notification.Status, Is.EqualTo(NotificationStatus.Sent));
    }

    [Test]
    public async Task BothChannels_SendOneMessagePerChannel()
    {
        var id = await _m.CreateCustomerAsync("Both", "503-555-0151", "robin.both@example.com", "both");
        await _m.SendMessageAsync(id, "Both ways please.");
        await _m.DispatchAsync();

        var channels = (await NotificationsOf(id)).Where(n => n.TemplateKey == "staff.message").Select(n => (n.Channel, n.Status)).ToList();
        Assert.That(channels, Is.EquivalentTo(new[] { (MessageChannel.Sms, NotificationStatus.Sent), (MessageChannel.Email, NotificationStatus.Sent) }));
    }

    [Test]
    public async Task ARolledBackCommand_LeavesNoNotification()
    {
        var id = await _m.CreateCustomerAsync("Rollback", "503-555-0152", null, "sms");
        using var sales = await _m.App.SalesAsync();
        // The message is queued, then the unknown task makes the command fail: nothing may remain.
        var response = await sales.PostAsJsonAsync($"/api/customers/{id}/messages", new { text = "Hello", taskId = Guid.NewGuid() });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await NotificationsOf(id)).Where(n => n.TemplateKey == "staff.message"), Is.Empty);
    }

    [Test]
    public async Task TwilioTooManyRequests_IsRetriedAfterBackOff_AndSentOnce()
    {
        var id = await _m.CreateCustomerAsync("Throttled", "503-555-0153", null, "sms");
        await _m.SendMessageAsync(id, "Throttled hello");
        _m.Twilio.FailNext(429, 20429, "Too Many Requests");

        await _m.DispatchAsync();
        var failed = (await NotificationsOf(id)).Single(n => n.TemplateKey == "staff.message");
        Assert.That(failed.Status, Is.EqualTo(NotificationStatus.Failed));
        Assert.That(failed.LastError, Does.Contain("20429"));
        Assert.That(failed.DueAt, Is.EqualTo(_m.App.Clock.GetUtcNow().UtcDateTime.AddMinutes(1)).Within(TimeSpan.FromSeconds(1)));

        await _m.DispatchAsync();
        Assert.That(_m.Twilio.Accepted.Count(m => m.Body.Contains("Throttled hello", StringComparison.Ordinal)), Is.Zero, "not before the back-off");

        _m.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await _m.DispatchAsync();
        Assert.That(_m.Twilio.Accepted.Count(m => m.Body.Contains("Throttled hello", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That((await NotificationsOf(id)).Single(n => n.TemplateKey == "staff.message").Status, Is.EqualTo(NotificationStatus.Sent));
    }

    [Test]
    public async Task TwilioUnreachable_IsTransient_AndTheTextGoesOnceWhenItIsBack()
    {
        var id = await _m.CreateCustomerAsync("Unreachable", "503-555-0163", null, "sms", emailConsent: false);
        await _m.SendMessageAsync(id, "Network hello");
        _m.Twilio.AbortNext();

        await _m.DispatchAsync();
        var failed = (await NotificationsOf(id)).Single(n => n.TemplateKey == "staff.message");
        Assert.That(failed.Status, Is.EqualTo(NotificationStatus.Failed), "a dropped connection is retried, not lost or dead");
        Assert.That(failed.LastError, Does.Contain("could not be reached"));

        _m.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await _m.DispatchAsync();
        Assert.That(_m.Twilio.Accepted.Count(m => m.Body.Contains("Network hello", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task TwilioServerError_IsTransient_AndTheLastAttemptMakesItDead()
    {
        var id = await _m.CreateCustomerAsync("Doomed", "503-555-0154", null, "sms", emailConsent: false);
        await _m.SendMessageAsync(id, "Doomed hello");
        for (var attempt = 0; attempt <= Notification.RetrySchedule.Count; attempt++)
        {
            _m.Twilio.FailNext(500, null, "Internal Server Error");
            await _m.DispatchAsync();
            _m.App.Clock.Advance(TimeSpan.FromHours(5));
        }

        var dead = (await NotificationsOf(id)).Single(n => n.TemplateKey == "staff.message");
        Assert.That(dead.Status, Is.EqualTo(NotificationStatus.Dead));
        Assert.That(dead.Attempts, Is.EqualTo(Notification.RetrySchedule.Count + 1));
    }

    [Test]
    public async Task RecipientOptedOutAtTwilio_IsPermanent_RecordsTheOptOut_AndFallsBackToEmail()
    {
        var id = await _m.CreateCustomerAsync("Optedout", "503-555-0155", "robin.optedout@example.com", "sms");
        await _m.SendMessageAsync(id, "Opted out hello");
        _m.Twilio.FailNext(400, 21610, "Attempt to send to unsubscribed recipient");

        await _m.DispatchAsync();

        var all = await NotificationsOf(id);
        var sms = all.Single(n => n.TemplateKey == "staff.message" && n.Channel == MessageChannel.Sms);
        Assert.That(sms.Status, Is.EqualTo(NotificationStatus.Dead));
        Assert.That(sms.Attempts, Is.EqualTo(1), "never retried");
        var email = all.Single(n => n.TemplateKey == "staff.message" && n.Channel == MessageChannel.Email);
        Assert.That(email.Status, Is.EqualTo(NotificationStatus.Sent));
        Assert.That(_m.Smtp.MessagesTo("robin.optedout@example.com").Any(m => (m.TextBody ?? "").Contains("Opted out hello", StringComparison.Ordinal)), Is.True);
        Assert.That(await _m.App.QueryAsync(db => db.PhoneConsents.AnyAsync(p => p.PhoneNumber == "+15035550155" && p.OptedOut)), Is.True);
        Assert.That(await _m.App.QueryAsync(db => db.Customers.Where(c => c.Id == id).Select(c => c.SmsConsent).SingleAsync()), Is.False);
    }

    [Test]
    public async Task InvalidNumber_IsDeadAtOnce_WithoutFallbackWhenEmailIsNotAllowed()
    {
        var id = await _m.CreateCustomerAsync("Invalid", "503-555-0156", "robin.invalid@example.com", "sms", emailConsent: false);
        await _m.SendMessageAsync(id, "Invalid hello");
        _m.Twilio.FailNext(400, 21211, "Invalid 'To' Phone Number");

        await _m.DispatchAsync();

        var all = (await NotificationsOf(id)).Where(n => n.TemplateKey == "staff.message").ToList();
        Assert.That(all.Single().Status, Is.EqualTo(NotificationStatus.Dead));
        Assert.That(all.Single().LastError, Does.Contain("21211"));
    }

    [Test]
    public async Task SmtpDownForAWhile_EveryEmailArrivesOnceItIsBack_NoneLost_NoneTwice()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await _m.CreateCustomerAsync($"Outage{i}", null, $"robin.outage{i}@example.com", "email"));
        }

        _m.Smtp.Stop();
        foreach (var id in ids)
        {
            await _m.SendMessageAsync(id, "During the outage");
        }

        await _m.DispatchAsync();
        var failing = await _m.App.QueryAsync(db => db.Notifications.Where(n => ids.Contains(n.CustomerId) && n.TemplateKey == "staff.message").ToListAsync());
        Assert.That(failing.Select(n => n.Status), Is.All.EqualTo(NotificationStatus.Failed));

        // The instance keeps serving and stays in the load balancer; readiness names the peer that is down.
        using var probe = _m.App.CreateClient();
        var ready = await probe.GetAsync("/health/ready");
        var report = await ready.ReadJsonAsync();
        Assert.That(ready.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        Assert.That(report.GetProperty("status").GetString(), Is.EqualTo("Degraded"));
        Assert.That(report.GetProperty("checks").GetProperty("email").GetProperty("status").GetString(), Is.EqualTo("Degraded"));
        Assert.That(report.GetProperty("checks").GetProperty("sms").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That((await probe.GetAsync("/health/live")).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));

        _m.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await _m.DispatchAsync(); // still down: the second attempt fails too
        _m.Smtp.Start();
        Assert.That((await (await probe.GetAsync("/health/ready")).ReadJsonAsync()).GetProperty("status").GetString(), Is.EqualTo("Healthy"), "back, and ready says so");
        _m.App.Clock.Advance(TimeSpan.FromMinutes(5));
        await _m.DispatchAsync();
        await _m.DispatchAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.That(_m.Smtp.MessagesTo($"robin.outage{i}@example.com").Count(m => (m.TextBody ?? "").Contains("During the outage", StringComparison.Ordinal)), Is.EqualTo(1));
        }

        var sent = await _m.App.QueryAsync(db => db.Notifications.Where(n => ids.Contains(n.CustomerId) && n.TemplateKey == "staff.message").ToListAsync());
        Assert.That(sent.Select(n => n.Status), Is.All.EqualTo(NotificationStatus.Sent));
    }

    [Test]
    public async Task TwilioDownForAWhile_ReadinessNamesIt_TheApiKeepsAnswering_AndEachTextGoesOnceItIsBack()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            ids.Add(await _m.CreateCustomerAsync($"Smsoutage{i}", $"503-555-017{i}", null, "sms", emailConsent: false));
        }

        await _m.Twilio.GoDownAsync();
        try
        {
            foreach (var id in ids)
            {
                var queued = await _m.SendMessageAsync(id, "Sent during the SMS outage");
                Assert.That(queued.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), "staff work goes on while the provider is down");
            }

            await _m.DispatchAsync();
            var failing = await _m.App.QueryAsync(db => db.Notifications.Where(n => ids.Contains(n.CustomerId) && n.TemplateKey == "staff.message").ToListAsync());
            Assert.That(failing.Select(n => n.Status), Is.All.EqualTo(NotificationStatus.Failed), "refused connections are retried, not lost or dead");

            using var probe = _m.App.CreateClient();
            var ready = await probe.GetAsync("/health/ready");
            var report = await ready.ReadJsonAsync();
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a provider outage does not take the instance out of the load balancer");
            Assert.That(report.GetProperty("status").GetString(), Is.EqualTo("Degraded"));
            Assert.That(report.GetProperty("checks").GetProperty("sms").GetProperty("status").GetString(), Is.EqualTo("Degraded"));
            Assert.That(report.GetProperty("checks").GetProperty("email").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
            Assert.That((await probe.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        finally
        {
            await _m.Twilio.ComeBackAsync();
        }

        using (var probe = _m.App.CreateClient())
        {
            Assert.That((await (await probe.GetAsync("/health/ready")).ReadJsonAsync()).GetProperty("status").GetString(), Is.EqualTo("Healthy"), "back, and ready says so");
        }

        _m.App.Clock.Advance(TimeSpan.FromMinutes(5));
        await _m.DispatchAsync();
        await _m.DispatchAsync();
        Assert.That(_m.Twilio.Accepted.Where(m => m.Body.Contains("Sent during the SMS outage", StringComparison.Ordinal)).Select(m => m.To),
            Is.EquivalentTo(new[] { "+15035550170", "+15035550171" }), "each text once, none lost");
    }

    [Test]
    public async Task SlowTwilio_AClaimPastHalfItsLease_StartsNoMoreTexts_SoASecondWorkerNeverSendsOneTwice()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await _m.CreateCustomerAsync($"Slowsms{i}", $"503-555-018{i}", null, "sms", emailConsent: false));
            await _m.SendMessageAsync(ids[^1], $"Slow provider hello {i}");
        }

        var claimedAt = _m.App.Clock.GetUtcNow().UtcDateTime;
        var jumped = claimedAt.AddSeconds(70);
        _m.Twilio.Delay = TimeSpan.FromMilliseconds(300);
        // Worker A claims all six and sends slowly; as Twilio takes the second, A's clock passes half the 2-minute lease.
        // (The jump also fires the HTTP client's own time-out on that second send, which the app measures on the same
        // clock: an answer lost after Twilio accepted, which the dispatcher settles by asking Twilio, not by sending again.)
        _m.Twilio.WhenAccepted = _ =>
        {
            if (_m.Twilio.Accepted.Count(m => m.Body.Contains("Slow provider hello", StringComparison.Ordinal)) == 2)
            {
                _m.App.Clock.Advance(TimeSpan.FromSeconds(70));
            }
        };
        try
        {
            var workerA = _m.DispatchAsync();
            await WaitUntilAsync(() => _m.App.Clock.GetUtcNow().UtcDateTime >= jumped);

            // Meanwhile the API answers as usual (sending runs in jobs, never on a request).
            using var sales = await _m.App.SalesAsync();
            Assert.That((await sales.GetAsync($"/api/customers/{ids[0]}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

            // Worker B runs now too; nothing it may take is still being sent by A.
            await Task.WhenAll(workerA, _m.DispatchAsync());
            _m.Twilio.Delay = TimeSpan.Zero;
            _m.App.Clock.Advance(TimeSpan.FromMinutes(3));
            await _m.DispatchAsync();

            var texts = _m.Twilio.Accepted.Where(m => m.Body.Contains("Slow provider hello", StringComparison.Ordinal)).Select(m => m.Body).ToList();
            var rows = await _m.App.QueryAsync(db => db.Notifications.Where(n => ids.Contains(n.CustomerId) && n.TemplateKey == "staff.message").ToListAsync());
            Assert.That(texts, Has.Count.EqualTo(6).And.Unique, "every text once, none twice\n" + string.Join("\n", _m.Twilio.Accepted.Where(m => m.Body.Contains("Slow provider hello", StringComparison.Ordinal)).Select(m => $"{m.Sid} {m.To} {m.DateSent:HH:mm:ss.fff} {m.Body[..40]}"))
                + "\n" + string.Join("\n", rows.Select(r => $"{r.Recipient} {r.Status} {r.ClaimedAt:HH:mm:ss} {r.Attempts} {r.ProviderMessageId} {r.LastError}")));
            Assert.That(rows.Select(n => n.Status), Is.All.EqualTo(NotificationStatus.Sent));
            var underFirstClaim = rows.Count(n => n.ClaimedAt == claimedAt);
            Assert.That(underFirstClaim, Is.EqualTo(2), "A started no text once half its lease had passed");
            Assert.That(rows.Where(n => n.ClaimedAt != claimedAt).Select(n => n.ClaimedAt), Is.All.GreaterThanOrEqualTo(jumped), "the rest were claimed afresh");
            Assert.That(rows.Select(n => n.Attempts), Is.All.EqualTo(1), "a text given back untried is not counted as a failed attempt");
        }
        finally
        {
            _m.Twilio.Delay = TimeSpan.Zero;
            _m.Twilio.WhenAccepted = null;
        }
    }

    [Test]
    public async Task SlowSmtpServer_ABatchPastHalfItsLease_StopsStartingEmails_AndEachArrivesOnce()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await _m.CreateCustomerAsync($"Slowmail{i}", null, $"robin.slowmail{i}@example.com", "email"));
            await _m.SendMessageAsync(ids[^1], "Slow mail server hello");
        }

        var claimedAt = _m.App.Clock.GetUtcNow().UtcDateTime;
        int Arrived() => Enumerable.Range(0, 6).Sum(i => _m.Smtp.MessagesTo($"robin.slowmail{i}@example.com").Count(m => (m.TextBody ?? "").Contains("Slow mail server hello", StringComparison.Ordinal)));
        _m.Smtp.Delay = TimeSpan.FromSeconds(1.5);
        try
        {
            var batch = _m.DispatchAsync();
            await WaitUntilAsync(() => Arrived() >= 2);
            _m.App.Clock.Advance(TimeSpan.FromSeconds(70));
            var jumped = _m.App.Clock.GetUtcNow().UtcDateTime;
            await batch;
            _m.Smtp.Delay = TimeSpan.Zero;
            _m.App.Clock.Advance(TimeSpan.FromMinutes(3));
            await _m.DispatchAsync();

            Assert.That(Arrived(), Is.EqualTo(6), "every email once, none twice");
            var rows = await _m.App.QueryAsync(db => db.Notifications.Where(n => ids.Contains(n.CustomerId) && n.TemplateKey == "staff.message").ToListAsync());
            Assert.That(rows.Select(n => n.Status), Is.All.EqualTo(NotificationStatus.Sent));
            Assert.That(rows.Count(n => n.ClaimedAt == claimedAt), Is.InRange(2, 3), "the batch stopped starting emails once half its lease had passed");
            Assert.That(rows.Where(n => n.ClaimedAt != claimedAt).Select(n => n.ClaimedAt), Is.All.GreaterThanOrEqualTo(jumped));
        }
        finally
        {
            _m.Smtp.Delay = TimeSpan.Zero;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the slow peer never got that far");
            await Task.Delay(20);
        }
    }

    [Test]
    public async Task WorkerDiesAfterTwilioAccepted_TheExpiredClaimIsReconciled_NotSentAgain()
    {
        var id = await _m.CreateCustomerAsync("Crashafter", "503-555-0157", null, "sms");
        await _m.SendMessageAsync(id, "Crash after hello");
        _m.Crash.CrashAfterProviderAccepted = true;

        Assert.ThrowsAsync<SimulatedCrashException>(async () => await _m.DispatchAsync());
        var claimed = (await NotificationsOf(id)).Single(n => n.TemplateKey == "staff.message");
        Assert.That(claimed.Status, Is.EqualTo(NotificationStatus.Sending));

        await _m.DispatchAsync(); // lease still valid: left alone
        _m.App.Clock.Advance(TimeSpan.FromMinutes(3));
        await _m.DispatchAsync();

        Assert.That(_m.Twilio.Accepted.Count(m => m.Body.Contains("Crash after hello", StringComparison.Ordinal)), Is.EqualTo(1));
        var reconciled = (await NotificationsOf(id)).Single(n => n.TemplateKey == "staff.message");
        Assert.That(reconciled.Status, Is.EqualTo(NotificationStatus.Sent));
        Assert.That(reconciled.ProviderMessageId, Is.EqualTo(_m.Twilio.Accepted.Single(m => m.Body.Contains("Crash after hello", StringComparison.Ordinal)).Sid));
    }

    [Test]
    public async Task WorkerDiesBeforeCallingTwilio_TheExpiredClaimIsSentOnce()
    {
        var id = await _m.CreateCustomerAsync("Crashbefore", "503-555-0158", null, "sms");
        await _m.SendMessageAsync(id, "Crash before hello");
        _m.Crash.CrashBeforeProviderCall = true;

        Assert.ThrowsAsync<SimulatedCrashException>(async () => await _m.DispatchAsync());
        _m.App.Clock.Advance(TimeSpan.FromMinutes(3));
        await _m.DispatchAsync();
        await _m.DispatchAsync();

        Assert.That(_m.Twilio.Accepted.Count(m => m.Body.Contains("Crash before hello", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That((await NotificationsOf(id)).Single(n => n.TemplateKey == "staff.message").Status, Is.EqualTo(NotificationStatus.Sent));
    }

    [Test]
    public async Task QueuedWithoutAnyDispatchJob_TheSweepSendsIt()
    {
        // Test hosts run no Hangfire server, so the after-commit job never runs: exactly the crash between
        // commit and enqueue. The recurring sweep (this same job) finds the row by its due time.
        var id = await _m.CreateCustomerAsync("Sweep", "503-555-0159", null, "sms");
        await _m.SendMessageAsync(id, "Swept hello");
        Assert.That((await NotificationsOf(id)).Single(n => n.TemplateKey == "staff.message").Status, Is.EqualTo(NotificationStatus.Pending));

        var report = await _m.DispatchAsync();

        Assert.That(report.Sent, Is.GreaterThanOrEqualTo(1));
        Assert.That(_m.Twilio.Accepted.Count(m => m.Body.Contains("Swept hello", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task QuietHours_HoldNonUrgentMessagesUntilTheyEnd()
    {
        // The clock is 22:00 UTC = 14:00 in Portland. Quiet from 13:00 to 15:00 local.
        var id = await _m.CreateCustomerAsync("Quiet", "503-555-0160", null, "sms", quietStart: "13:00:00", quietEnd: "15:00:00");
        await _m.SendMessageAsync(id, "Quiet hello");
        var deferred = (await NotificationsOf(id)).Single(n => n.TemplateKey == "staff.message");
        Assert.That(deferred.Status, Is.EqualTo(NotificationStatus.Deferred));
        Assert.That(deferred.DueAt, Is.EqualTo(new DateTime(2026, 11, 22, 23, 0, 0, DateTimeKind.Utc)).Within(TimeSpan.FromHours(24)));

        await _m.DispatchAsync();
        Assert.That(_m.Twilio.Accepted.Any(m => m.Body.Contains("Quiet hello", StringComparison.Ordinal)), Is.False);

        _m.App.Clock.Advance(deferred.DueAt - _m.App.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(1));
        await _m.DispatchAsync();
        Assert.That(_m.Twilio.Accepted.Count(m => m.Body.Contains("Quiet hello", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task NoConsentOnAnyChannel_IsRefusedWithAClearProblem()
    {
        var id = await _m.CreateCustomerAsync("Silent", "503-555-0161", "robin.silent@example.com", "sms", sms: false, emailConsent: false);
        var response = await _m.SendMessageAsync(id, "Anyone there?");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await MessagingApp.JsonAsync(response)).GetProperty("detail").GetString(), Does.Contain("Call them"));
    }

    [Test]
    public async Task DeadMessage_CanBeResentByAManagerOnly()
    {
        var id = await _m.CreateCustomerAsync("Resend", "503-555-0162", null, "sms", emailConsent: false);
        await _m.SendMessageAsync(id, "Resend hello");
        _m.Twilio.FailNext(400, 21211, "Invalid 'To' Phone Number");
        await _m.DispatchAsync();
        var dead = (await NotificationsOf(id)).Single(n => n.TemplateKey == "staff.message");
        var task = await _m.App.QueryAsync(db => db.Tasks.SingleAsync(t => t.DeduplicationKey == $"notification/{dead.Id}/dead"));
        Assert.That(task.Detail, Does.Contain("not a valid mobile number"), "a person hears why, in words");
        Assert.That(task.OwnerStaffId, Is.Null, "no open order or visit: the site's team queue");

        using var sales = await _m.App.SalesAsync();
        using var manager = await _m.App.ManagerAsync();
        Assert.That((await sales.PostAsync($"/api/notifications/{dead.Id}/resend", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var listResponse = await manager.GetAsync($"/api/notifications?customerId={id}&status=dead");
        Assert.That(listResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK), await listResponse.Content.ReadAsStringAsync());
        var listed = await MessagingApp.JsonAsync(listResponse);
        Assert.That(listed.GetProperty("total").GetInt32(), Is.EqualTo(1));
        Assert.That((await manager.PostAsync($"/api/notifications/{dead.Id}/resend", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await _m.DispatchAsync();

        Assert.That((await NotificationsOf(id)).Single(n => n.Id == dead.Id).Status, Is.EqualTo(NotificationStatus.Sent));
    }
}
