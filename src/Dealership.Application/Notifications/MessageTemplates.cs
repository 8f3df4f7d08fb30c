using Dealership.Application.Notifications.Templates;
using Dealership.Domain.Notifications;

namespace Dealership.Application.Notifications;

/// <summary>
/// What a template needs besides its own facts: who it is for, where from, their personal link, and the site's
/// time zone and the time of rendering (facts are formatted for the reader then).
/// </summary>
public sealed record TemplateContext(string CustomerFirstName, string SiteName, string Link, IReadOnlyDictionary<string, string> Data,
    TimeZoneInfo? TimeZone = null, DateTime? Now = null);

/// <summary>A rendered message: a subject (email only), plain text, and HTML (email only).</summary>
public sealed record RenderedMessage(string? Subject, string Text, string? Html);

/// <summary>
/// The messages the system sends, by key. Their words are Liquid templates (Templates/Defaults, overridable per
/// site by managers) rendered by <see cref="MessageRenderer"/>; their facts are in <see cref="TemplateCatalog"/>.
/// A text costs at most two GSM-7 segments or four UCS-2 ones (accents kept; the unit tests render and count).
/// </summary>
public static class MessageTemplates
{
    public const string StaffMessage = "staff.message";
    public const string PreferencesUpdated = "preferences.updated";
    public const string ReplyAcknowledged = "reply.acknowledged";
    public const string HelpReply = "reply.help";
    public const string OrderPlaced = "order.placed";
    public const string OrderMilestone = "order.milestone";
    public const string OrderPromiseChanged = "order.promise-changed";
    public const string OrderCancelled = "order.cancelled";
    public const string OrderLate = "order.late";
    public const string OrderCheckIn = "order.check-in";
    public const string CollectionBooked = "order.collection-booked";
    public const string CollectionReminder = "order.collection-reminder";
    public const string OrderDelivered = "order.delivered";
    public const string CollectionProposed = "order.collection-proposed";
    public const string ServiceBooked = "service.booked";
    public const string ServiceRescheduled = "service.rescheduled";
    public const string ServiceCancelled = "service.cancelled";
    public const string ServiceReminder = "service.reminder";
    public const string ServiceAtRisk = "service.at-risk";
    public const string ServicePartsReady = "service.parts-ready";
    public const string ServiceCheckedIn = "service.checked-in";
    public const string ServiceWorkStarted = "service.work-started";
    public const string ServiceInspected = "service.inspected";
    public const string ServiceReady = "service.ready";
    public const string ServiceCollected = "service.collected";
    public const string ServiceNoShow = "service.no-show";
    public const string ServiceReadyMoved = "service.ready-moved";
    public const string TradeInOffer = "tradein.offer";
    public const string TradeInReceived = "tradein.received";
    public const string TradeInPayoffSent = "tradein.payoff-sent";
    public const string TradeInReturned = "tradein.returned";
    public const string DecisionApproved = "decision.approved";

    public static readonly IReadOnlyList<string> Keys =
        [StaffMessage, PreferencesUpdated, ReplyAcknowledged, HelpReply, OrderPlaced, OrderMilestone, OrderPromiseChanged, OrderCancelled, OrderLate, OrderCheckIn, CollectionBooked, CollectionReminder, OrderDelivered, CollectionProposed,
         ServiceBooked, ServiceRescheduled, ServiceCancelled, ServiceReminder, ServiceAtRisk, ServicePartsReady, ServiceCheckedIn,
         ServiceWorkStarted, ServiceInspected, ServiceReady, ServiceCollected, ServiceNoShow, ServiceReadyMoved,
         TradeInOffer, TradeInReceived, TradeInPayoffSent, TradeInReturned, DecisionApproved];

    public static readonly IReadOnlyList<string> Languages = ["en", "es"];

    /// <summary>Example facts (raw, as stored) for previews and tests.</summary>
    public static IReadOnlyDictionary<string, string> SampleData(string key) => TemplateCatalog.Get(key).Sample;

    /// <summary>Renders the shipped default; a site's own version goes through <see cref="SiteTemplates"/>.</summary>
    public static RenderedMessage Render(string key, MessageChannel channel, string language, TemplateContext context) =>
        MessageRenderer.Shared.Render(key, channel, language, context);

    /// <summary>The most segments a text may cost: two in GSM-7 (160/153 characters), four in UCS-2 (70/67), link and signature included.</summary>
    public static int SegmentBudget(string text) => IsGsm7(text) ? 2 : 4;

    /// <summary>Whether every character is in the GSM-7 alphabet (so a segment holds 160, not 70).</summary>
    public static bool IsGsm7(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.All(c => Gsm7.Contains(c));
    }

    /// <summary>
    /// How many SMS segments a text needs: GSM-7 texts take 160 characters in one segment and 153 per part
    /// when split; anything outside GSM-7 (most accented capitals, emoji) falls back to UCS-2 at 70/67.
    /// </summary>
    public static int SmsSegments(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var gsm = text.All(c => Gsm7.Contains(c));
        var extended = gsm ? text.Count(c => Gsm7Extended.Contains(c)) : 0;
        var length = text.Length + extended;
        var (single, multi) = gsm ? (160, 153) : (70, 67);
        return length <= single ? 1 : (length + multi - 1) / multi;
    }

    private const string Gsm7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€";
    private const string Gsm7Extended = "^{}\\[~]|€";
}
