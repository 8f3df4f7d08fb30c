using System.Net.Http.Json;
using System.Text.Json;
using Dealership.Adapters;
using Dealership.Application.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dealership.IntegrationTests.Fakes;

/// <summary>The app wired to a real SMTP server process and the fake Twilio, with a switch to simulate a crash mid-send.</summary>
public sealed class MessagingApp : IAsyncDisposable
{
    public const string PublicBaseUrl = "http://dealership.test";

    private MessagingApp(DealershipApp app, SmtpServer smtp, FakeTwilio twilio, CrashSwitch crash)
    {
        App = app;
        Smtp = smtp;
        Twilio = twilio;
        Crash = crash;
    }

    public DealershipApp App { get; }

    public SmtpServer Smtp { get; }

    public FakeTwilio Twilio { get; }

    public CrashSwitch Crash { get; }

    public static async Task<MessagingApp> StartAsync()
    {
        var smtp = new SmtpServer();
        smtp.Start();
        var twilio = await FakeTwilio.StartAsync();
        var crash = new CrashSwitch();
        var app = new DealershipApp(
            services =>
            {
                services.AddSingleton(crash);
                services.AddScoped<ISmsChannel>(sp => new CrashingSmsChannel(
                    new TwilioSmsChannel(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ISmsChannel)), sp.GetRequiredService<IOptions<TwilioOptions>>()),
                    crash));
            },
            new Dictionary<string, string?>
            {
                ["App:PublicBaseUrl"] = PublicBaseUrl,
                ["Email:Smtp:Host"] = "127.0.0.1",
                ["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Email:Smtp:Security"] = "None",
                ["Email:Smtp:FromAddress"] = "updates@harbor.example",
                ["Email:Smtp:Timeout"] = "00:00:05",
                ["Sms:Twilio:BaseUrl"] = twilio.BaseUrl,
                ["Sms:Twilio:AccountSid"] = FakeTwilio.AccountSid,
                ["Sms:Twilio:AuthToken"] = FakeTwilio.AuthToken,
                ["Sms:Twilio:From"] = "+15035550000",
            });
        await app.InitializeAsync();

        // These tests move the clock through retries, crashes and sweeps at any hour; quiet hours have tests of
        // their own (QuietHoursTests), so here the sites' default quiet window is one minute (03:17) no test lands in.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Application.Data.DealershipDbContext>();
            foreach (var site in await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Sites))
            {
                site.SetQuietHours(new TimeOnly(3, 17), new TimeOnly(3, 18));
            }

            await db.SaveChangesAsync();
        }

        return new MessagingApp(app, smtp, twilio, crash);
    }

    /// <summary>Runs the dispatch job once, as Hangfire would.</summary>
    public async Task<DispatchReport> DispatchAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);
    }

    public async Task<Guid> CreateCustomerAsync(string lastName, string? mobile, string? email, string channel, bool sms = true, bool emailConsent = true,
        string? quietStart = null, string? quietEnd = null, bool allowShared = false)
    {
        using var sales = await App.SalesAsync();
        var salesId = await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Users.Where(u => u.Email == "sales@demo.local").Select(u => u.Id)));
        var body = new Dictionary<string, object?>
        {
            ["ownerStaffId"] = salesId,
            ["firstName"] = "Robin",
            ["lastName"] = lastName,
            ["email"] = email,
            ["mobilePhone"] = mobile,
            ["preferredChannel"] = channel,
            ["smsConsent"] = sms,
            ["emailConsent"] = emailConsent,
            ["quietHoursStart"] = quietStart,
            ["quietHoursEnd"] = quietEnd,
            ["allowSharedContact"] = allowShared,
        };
        return (await sales.CreateCustomerAsync(body)).GetProperty("id").GetGuid();
    }

    public async Task<HttpResponseMessage> SendMessageAsync(Guid customerId, string text, string? channel = null)
    {
        using var sales = await App.SalesAsync();
        return await sales.PostAsJsonAsync($"/api/customers/{customerId}/messages", new { text, channel });
    }

    /// <summary>Posts a form to a Twilio webhook, signed as Twilio would sign it (or with a forged signature).</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(string path, Dictionary<string, string> form, bool forge = false)
    {
        using var client = App.CreateClient();
        var signature = FakeTwilio.Sign(PublicBaseUrl + path, form, forge ? "wrong-token" : FakeTwilio.AuthToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature);
        return await client.SendAsync(request);
    }

    /// <summary>The tracking token from the newest text the fake Twilio accepted for this number.</summary>
    public string TokenFromLastText(string to)
    {
        var body = Twilio.Accepted.Last(m => m.To == to).Body;
        var start = body.IndexOf("/track/", StringComparison.Ordinal) + "/track/".Length;
        var end = start;
        while (end < body.Length && (char.IsAsciiLetterOrDigit(body[end]) || body[end] is '-' or '_'))
        {
            end++;
        }

        return body[start..end];
    }

    public async ValueTask DisposeAsync()
    {
        App.Dispose();
        await Twilio.DisposeAsync();
        Smtp.Dispose();
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}

public sealed class CrashSwitch
{
    public bool CrashBeforeProviderCall { get; set; }

    public bool CrashAfterProviderAccepted { get; set; }
}

public sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException() : base("Simulated process crash") { }

    public SimulatedCrashException(string message) : base(message) { }

    public SimulatedCrashException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>Wraps the real Twilio channel; can "crash" the worker just before or just after the provider call.</summary>
internal sealed class CrashingSmsChannel(ISmsChannel inner, CrashSwitch crash) : ISmsChannel
{
    public string Name => inner.Name;

    public async Task<SendResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        if (crash.CrashBeforeProviderCall)
        {
            crash.CrashBeforeProviderCall = false;
            throw new SimulatedCrashException();
        }

        var result = await inner.SendAsync(sms, cancellationToken);
        if (crash.CrashAfterProviderAccepted)
        {
            crash.CrashAfterProviderAccepted = false;
            throw new SimulatedCrashException();
        }

        return result;
    }

    public Task<string?> FindSentAsync(string recipient, DateTime since, string linkTokenHash, CancellationToken cancellationToken) =>
        inner.FindSentAsync(recipient, since, linkTokenHash, cancellationToken);
}
