using Dealership.Application.Notifications;
using Microsoft.Extensions.Options;

namespace Dealership.Web.Hosting;

/// <summary>
/// The host's public addresses, built from App:PublicBaseUrl (the URL customers and Twilio reach, which may
/// differ from the one this process listens on) and the routes this host maps.
/// </summary>
public sealed class PublicLinks(IOptions<NotificationOptions> options) : IPublicLinks
{
    /// <summary>The tracking page's route prefix (Pages/Track/Index.cshtml).</summary>
    public const string TrackPrefix = "/track/";

    /// <summary>The Twilio webhooks' route group (Api/TwilioWebhooks.cs).</summary>
    public const string TwilioWebhooks = "/webhooks/twilio";

    private string Base => options.Value.PublicBaseUrl.TrimEnd('/');

    public string TrackingPage(string token) => Base + TrackPrefix + token;

    public string MaskedTrackingPage() => Base + TrackPrefix + TrackingTokens.Mask;

    public string StaffPage(string path) => Base + "/" + path.TrimStart('/');

    public Uri SmsStatusCallback(Guid notificationId) => new($"{Base}{TwilioWebhooks}/status/{notificationId}");
}
