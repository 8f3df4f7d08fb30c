using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace Dealership.IntegrationTests.Fakes;

/// <summary>
/// What the process-level tests (several instances, kills and restarts) share: the settings an operator gives a
/// Production instance that sends through the local SMTP and Twilio-speaking servers, signing in over HTTP, and
/// a site open round the clock so the time CI happens to run never holds a message or a supplier order back.
/// </summary>
public static class ProcessApi
{
    public const string ManagerEmail = "manager@group.test";
    public const string Password = "Process-pass-1";

    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    /// <summary>A Production instance's settings, apart from the database; one signing key for every instance and restart.</summary>
    public static Dictionary<string, string> ProductionSettings(string dataDirectory, SmtpServer smtp, FakeTwilio twilio)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(twilio);
        return new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["DEALERSHIP_DATA_DIR"] = dataDirectory,
            ["App__PublicBaseUrl"] = MessagingApp.PublicBaseUrl,
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email__Smtp__Security"] = "None",
            ["Email__Smtp__FromAddress"] = "updates@group.test",
            ["Sms__Twilio__BaseUrl"] = twilio.BaseUrl,
            ["Sms__Twilio__AccountSid"] = FakeTwilio.AccountSid,
            ["Sms__Twilio__AuthToken"] = FakeTwilio.AuthToken,
            ["Sms__Twilio__From"] = "+15035550000",
            // A killed instance's claims come back within seconds rather than minutes.
            ["Notifications__SendLease"] = "00:00:15",
            ["Tracking__RequestsPerMinute"] = "10000",
            ["Webhooks__RequestsPerMinute"] = "10000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
    }

    /// <summary>The runbook's first run: the app's own setup command makes the site and its Manager.</summary>
    public static async Task SetUpFirstSiteAsync(IReadOnlyDictionary<string, string> settings)
    {
        using var setup = AppProcess.Start("setup", new Dictionary<string, string>(settings)
        {
            ["Setup__SiteCode"] = "PDX", ["Setup__SiteName"] = "Harbor Motors Portland", ["Setup__TimeZoneId"] = "America/Los_Angeles",
            ["Setup__ManagerEmail"] = ManagerEmail, ["Setup__ManagerName"] = "Morgan Reyes", ["Setup__ManagerPassword"] = Password,
        }, "setup");
        Assert.That(await setup.WaitForExitAsync(TimeSpan.FromMinutes(2)), Is.Zero, setup.Output);
    }

    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string email)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password = Password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await Json(response)).GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Open every hour of every day, quiet for one minute at 03:17: nothing waits for the time of day CI runs at.</summary>
    public static async Task OpenRoundTheClockAsync(HttpClient manager, JsonElement site)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(site.GetRawText())!;
        var settings = new Dictionary<string, object?>
        {
            ["name"] = body["name"], ["timeZoneId"] = body["timeZoneId"], ["currency"] = body["currency"], ["distanceUnit"] = body["distanceUnit"],
            ["defaultPhoneRegion"] = body["defaultPhoneRegion"], ["languages"] = body["languages"],
            ["openingHours"] = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString().ToLowerInvariant(), opens = "00:00:00", closes = "23:59:00" }).ToList(),
            ["deliveryBays"] = 2, ["collectionMinutes"] = 60, ["workshopMinutesPerDay"] = 1920, ["advisorMinutesPerDay"] = 960, ["serviceSlotMinutes"] = 30,
            ["labourRatePerHour"] = 15_000, ["quietHoursStart"] = "03:17:00", ["quietHoursEnd"] = "03:18:00",
        };
        var saved = await manager.PutAsJsonAsync($"/api/sites/{site.GetProperty("id").GetGuid()}", settings);
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await saved.Content.ReadAsStringAsync());
    }

    /// <summary>Drop-off slots on the next weekdays a few days out, 9:00 onwards in Portland, two a day per half hour.</summary>
    public static string DropOffSlot(int i)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Pacific)).AddDays(3);
        var weekdays = 0;
        while (true)
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                if (weekdays == i / 6)
                {
                    break;
                }

                weekdays++;
            }

            day = day.AddDays(1);
        }

        var local = day.ToDateTime(new TimeOnly(9, 0)).AddMinutes(30 * (i % 6));
        return TimeZoneInfo.ConvertTimeToUtc(local, Pacific).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<Guid> Created(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await Json(response)).GetProperty("id").GetGuid();
    }

    public static async Task Eventually(Func<Task<bool>> condition, string what, Func<Task<string>>? explain = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not within 4 minutes: {what}. {(explain is null ? "" : await explain())}");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
