using System.Net;
using Dealership.Application.Notifications;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using SystemNetHttpClient = Twilio.Http.SystemNetHttpClient;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

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
/// Texts through the official Twilio SDK (docs/adr/0017). The SDK's requests go through our typed HttpClient,
/// so the resilience handler (which never retries a POST: the outbox owns retries, so a text is not sent
/// twice) and the configured base URL (a local server speaking Twilio's API in tests) apply to them.
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
        var message = new CreateMessageOptions(new PhoneNumber(sms.To))
        {
            PathAccountSid = settings.AccountSid,
            Body = sms.Body,
            StatusCallback = sms.StatusCallback,
        };
        if (string.IsNullOrEmpty(settings.MessagingServiceSid))
        {
            message.From = new PhoneNumber(settings.From ?? "");
        }
        else
        {
            message.MessagingServiceSid = settings.MessagingServiceSid;
        }

        try
        {
            var created = await MessageResource.CreateAsync(message, Client(settings));
            return SendResult.Sent(created.Sid);
        }
        catch (Exception ex) when (Unreachable(ex, cancellationToken))
        {
            throw new ChannelUnavailableException($"Twilio could not be reached: {ex.Message}", ex) { NeverSent = NoConnectionMade(ex) };
        }
        catch (ApiException ex)
        {
            var text = $"Twilio {ex.Status}{(ex.Code == 0 ? "" : $" error {ex.Code}")}: {ex.Message}";
            return ex.Code switch
            {
                OptedOut => SendResult.PermanentFailure(text, optedOut: true),
                InvalidNumber => SendResult.PermanentFailure(text),
                TooManyRequests => SendResult.Transient(text),
                // The SDK could not read an error body (a proxy's HTML page, an empty 502): Twilio did not accept
                // the message, so trying again later is safe; the outbox gives up after its schedule.
                0 when ex.Status == 0 => SendResult.Transient(text),
                _ when ex.Status is (int)HttpStatusCode.TooManyRequests or >= 500 => SendResult.Transient(text),
                _ when ex.Status is (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden => SendResult.Transient(text + " (check the Twilio credentials)"),
                _ => SendResult.PermanentFailure(text),
            };
        }
    }

    public async Task<string?> FindSentAsync(string recipient, DateTime since, string linkTokenHash, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // Twilio filters by recipient and by the day sent; the link's token hash picks our message out of them.
        try
        {
            var sent = await MessageResource.ReadAsync(new ReadMessageOptions
            {
                PathAccountSid = settings.AccountSid,
                To = new PhoneNumber(recipient),
                DateSentAfter = since.ToUniversalTime().Date,
                PageSize = 50,
                Limit = 200,
            }, Client(settings));
            return sent.FirstOrDefault(m => TrackingTokens.HashesIn(m.Body ?? "").Contains(linkTokenHash, StringComparer.Ordinal))?.Sid;
        }
        catch (Exception ex) when (Unreachable(ex, cancellationToken) || ex is ApiException)
        {
            throw new ChannelUnavailableException($"Twilio could not be asked about a sent message: {ex.Message}", ex);
        }
    }

    /// <summary>The connection itself failed, so the request never left: as opposed to a time-out or a reset after sending.</summary>
    private static bool NoConnectionMade(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The transport failed before Twilio answered (not our own cancellation).</summary>
    private static bool Unreachable(Exception ex, CancellationToken ct) =>
        ex is ApiConnectionException or HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested);

    /// <summary>An API key when configured (revocable, per app), else the account's own SID and auth token.</summary>
    private TwilioRestClient Client(TwilioOptions settings)
    {
        var (user, secret) = string.IsNullOrEmpty(settings.ApiKeySid) ? (settings.AccountSid, settings.AuthToken) : (settings.ApiKeySid, settings.ApiKeySecret);
        return new TwilioRestClient(user, secret, settings.AccountSid, httpClient: new SystemNetHttpClient(http));
    }
}

/// <summary>
/// Points the SDK's absolute api.twilio.com addresses at the configured base URL (a regional edge, or the
/// local server tests run); with the default base URL it changes nothing.
/// </summary>
public sealed class TwilioBaseUrlHandler(IOptions<TwilioOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = options.Value.BaseUrl;
        if (request.RequestUri is { } uri && uri.Host.EndsWith("twilio.com", StringComparison.OrdinalIgnoreCase) && uri.Host != target.Host)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
