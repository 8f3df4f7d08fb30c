using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dealership.Application.Notifications;
using Microsoft.Extensions.Options;

namespace Dealership.Adapters;

/// <summary>Twilio settings (section "Sms:Twilio"). Without an AccountSid, texts go to the local outbox folder instead.</summary>
public sealed class TwilioOptions
{
    public Uri BaseUrl { get; set; } = new("https://api.twilio.com");

    public string? AccountSid { get; set; }

    /// <summary>The auth token: signs webhooks, and authenticates API calls unless an API key is given.</summary>
    public string? AuthToken { get; set; }

    public string? ApiKeySid { get; set; }

    public string? ApiKeySecret { get; set; }

    /// <summary>Our sending number (E.164), or use <see cref="MessagingServiceSid"/>.</summary>
    public string? From { get; set; }

    public string? MessagingServiceSid { get; set; }
}

/// <summary>
/// Twilio's Messages API over a typed HttpClient (the SDK is not available to us; see docs/adr/0003).
/// The HTTP client never retries a POST: the outbox owns retries, so a text is not sent twice.
/// </summary>
public sealed class TwilioSmsChannel(HttpClient http, IOptions<TwilioOptions> options) : ISmsChannel
{
    /// <summary>Twilio error codes we act on: 20429 too many requests (retry); 21211 invalid number and 21610 opted out (never retry).</summary>
    private const int TooManyRequests = 20429;
    private const int InvalidNumber = 21211;
    private const int OptedOut = 21610;

    public string Name => "Twilio";

    public async Task<SendResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var settings = options.Value;
        var form = new List<KeyValuePair<string, string>>
        {
            new("To", sms.To),
            new("Body", sms.Body),
            new("StatusCallback", sms.StatusCallback.ToString()),
        };
        form.Add(string.IsNullOrEmpty(settings.MessagingServiceSid) ? new("From", settings.From ?? "") : new("MessagingServiceSid", settings.MessagingServiceSid));
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesPath(settings)) { Content = new FormUrlEncodedContent(form) };
        Authorize(request, settings);
        using var response = await http.SendAsync(request, cancellationToken);
        var json = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            using var document = JsonDocument.Parse(json);
            return SendResult.Sent(document.RootElement.GetProperty("sid").GetString());
        }

        var (code, message) = ReadError(json);
        var text = $"Twilio {(int)response.StatusCode}{(code is null ? "" : $" error {code}")}: {message}";
        return code switch
        {
            OptedOut => SendResult.PermanentFailure(text, optedOut: true),
            InvalidNumber => SendResult.PermanentFailure(text),
            TooManyRequests => SendResult.Transient(text),
            _ when response.StatusCode is HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500 => SendResult.Transient(text),
            _ when response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => SendResult.Transient(text + " (check the Twilio credentials)"),
            _ => SendResult.PermanentFailure(text),
        };
    }

    public async Task<string?> FindSentAsync(string recipient, DateTime since, string linkTokenHash, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // Twilio filters by To and by DateSent (a day, or a range with DateSent>=).
        var query = $"?To={Uri.EscapeDataString(recipient)}&DateSent%3E={since.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&PageSize=50";
        using var request = new HttpRequestMessage(HttpMethod.Get, MessagesPath(settings) + query);
        Authorize(request, settings);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        foreach (var message in document.RootElement.GetProperty("messages").EnumerateArray())
        {
            var body = message.TryGetProperty("body", out var b) ? b.GetString() ?? "" : "";
            if (TrackingTokens.HashesIn(body).Contains(linkTokenHash, StringComparer.Ordinal))
            {
                return message.GetProperty("sid").GetString();
            }
        }

        return null;
    }

    private static string MessagesPath(TwilioOptions settings) => $"/2010-04-01/Accounts/{settings.AccountSid}/Messages.json";

    private static void Authorize(HttpRequestMessage request, TwilioOptions settings)
    {
        var (user, secret) = string.IsNullOrEmpty(settings.ApiKeySid) ? (settings.AccountSid, settings.AuthToken) : (settings.ApiKeySid, settings.ApiKeySecret);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}")));
    }

    private static (int? Code, string Message) ReadError(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            int? code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : null;
            var message = root.TryGetProperty("message", out var m) ? m.GetString() ?? "" : json;
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, json.Length > 200 ? json[..200] : json);
        }
    }
}
