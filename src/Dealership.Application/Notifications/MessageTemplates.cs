using System.Net;
using Dealership.Domain.Notifications;

namespace Dealership.Application.Notifications;

/// <summary>What a template needs besides its own facts: who it is for, where from, and their personal link.</summary>
public sealed record TemplateContext(string CustomerFirstName, string SiteName, string Link, IReadOnlyDictionary<string, string> Data);

/// <summary>A rendered message: a subject (email only), plain text, and HTML (email only).</summary>
public sealed record RenderedMessage(string? Subject, string Text, string? Html);

/// <summary>
/// Messages per event, channel and language: warm, specific, and always carrying the customer's link. Texts
/// stay within two SMS segments (the unit tests render every template and count). Unknown languages fall
/// back to English rather than sending nothing.
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

    public static readonly IReadOnlyList<string> Keys =
        [StaffMessage, PreferencesUpdated, ReplyAcknowledged, HelpReply, OrderPlaced, OrderMilestone, OrderPromiseChanged, OrderCancelled, OrderLate, OrderCheckIn, CollectionBooked, CollectionReminder, OrderDelivered, CollectionProposed,
         ServiceBooked, ServiceRescheduled, ServiceCancelled, ServiceReminder, ServiceAtRisk, ServicePartsReady, ServiceCheckedIn];

    public static readonly IReadOnlyList<string> Languages = ["en", "es"];

    /// <summary>Example facts for previews and tests.</summary>
    public static IReadOnlyDictionary<string, string> SampleData(string key) => key switch
    {
        StaffMessage => new Dictionary<string, string> { ["staffName"] = "Sam Carter", ["text"] = "Good news: your Accord passed its inspection and is being detailed now. I'll call you tomorrow morning." },
        PreferencesUpdated => new Dictionary<string, string> { ["channel"] = "sms", ["sms"] = "yes", ["email"] = "no" },
        ReplyAcknowledged => new Dictionary<string, string> { ["ownerName"] = "Sam Carter", ["dueLocal"] = "4:30 PM" },
        OrderPlaced => new Dictionary<string, string> { ["vehicle"] = "2027 Honda Accord Touring", ["nextDate"] = "Tue, Dec 8", ["ownerName"] = "Sam Carter" },
        OrderMilestone => new Dictionary<string, string> { ["milestone"] = "arrivedAtDealership", ["vehicle"] = "2027 Honda Accord Touring", ["nextDate"] = "Fri, Jan 15", ["ownerName"] = "Sam Carter" },
        OrderPromiseChanged => new Dictionary<string, string>
        {
            ["vehicle"] = "2027 Honda Accord Touring", ["milestoneName"] = "arrival at the dealership", ["milestoneNameEs"] = "llegada al concesionario",
            ["newDate"] = "Fri, Jan 22", ["oldDate"] = "Fri, Jan 15", ["reason"] = "The ship was held in port by a storm for five days.", ["ownerName"] = "Sam Carter",
        },
        OrderCancelled => new Dictionary<string, string> { ["vehicle"] = "2027 Honda Accord Touring", ["refund"] = "$1,000.00", ["ownerName"] = "Sam Carter" },
        CollectionBooked or CollectionReminder => new Dictionary<string, string>
        {
            ["vehicle"] = "2027 Honda Accord Touring", ["when"] = "Sat, Jan 16 at 10:00 AM", ["whenEs"] = "sáb 16 ene a las 10:00", ["ownerName"] = "Sam Carter",
        },
        OrderDelivered => new Dictionary<string, string> { ["vehicle"] = "2027 Honda Accord Touring", ["ownerName"] = "Sam Carter" },
        CollectionProposed => new Dictionary<string, string> { ["vehicle"] = "2027 Honda Accord Touring", ["ownerName"] = "Sam Carter", ["times"] = "Sat Jan 16 10:00 AM or Mon Jan 18 5:00 PM or Tue Jan 19 9:00 AM" },
        OrderLate => new Dictionary<string, string>
        {
            ["vehicle"] = "2027 Honda Accord Touring", ["milestoneName"] = "arrival at the dealership", ["milestoneNameEs"] = "llegada al concesionario",
            ["promisedDate"] = "Fri, Jan 15", ["ownerName"] = "Sam Carter", ["callBy"] = "Mon, Jan 18",
        },
        OrderCheckIn => new Dictionary<string, string>
        {
            ["vehicle"] = "2027 Honda Accord Touring", ["status"] = "in transit", ["statusEs"] = "en camino", ["nextName"] = "arrival at the dealership",
            ["nextNameEs"] = "llegada al concesionario", ["nextDate"] = "Fri, Jan 15", ["ownerName"] = "Sam Carter",
        },
        ServiceBooked or ServiceRescheduled or ServiceReminder or ServicePartsReady or ServiceCancelled => new Dictionary<string, string>
        {
            ["vehicle"] = "2016 Lexus RX 350", ["when"] = "Tue, Dec 8 at 8:30 AM", ["whenEs"] = "mar 8 dic a las 8:30", ["advisorName"] = "Alex Kim",
            ["reason"] = "You asked for a later day.",
        },
        ServiceAtRisk => new Dictionary<string, string>
        {
            ["vehicle"] = "2016 Lexus RX 350", ["when"] = "Tue, Dec 8", ["whenEs"] = "mar 8 dic", ["advisorName"] = "Alex Kim", ["partsBy"] = "Thu, Dec 10", ["partsByEs"] = "jue 10 dic",
        },
        ServiceCheckedIn => new Dictionary<string, string>
        {
            ["vehicle"] = "2016 Lexus RX 350", ["readyBy"] = "Tue, Dec 8 at 5:00 PM", ["readyByEs"] = "mar 8 dic a las 17:00", ["advisorName"] = "Alex Kim",
        },
        _ => new Dictionary<string, string>(),
    };

    public static RenderedMessage Render(string key, MessageChannel channel, string language, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spanish = string.Equals(language, "es", StringComparison.Ordinal);
        var (subject, text) = key switch
        {
            StaffMessage => StaffMessageText(channel, spanish, context),
            PreferencesUpdated => PreferencesText(spanish, context),
            ReplyAcknowledged => spanish
                ? ($"Recibimos su mensaje", $"Gracias, {context.CustomerFirstName}. {Get(context, "ownerName")} ya tiene su mensaje y le responderá antes de las {Get(context, "dueLocal")}. {context.SiteName}: {context.Link}")
                : ($"We have your message", $"Thanks, {context.CustomerFirstName}. {Get(context, "ownerName")} has your message and will get back to you by {Get(context, "dueLocal")}. {context.SiteName}: {context.Link}"),
            HelpReply => spanish
                ? ($"Ayuda", $"{context.SiteName}: avisos sobre su vehículo. Responda a este mensaje para hablar con nosotros. STOP para no recibir SMS, START para volver. {context.Link}")
                : ($"Help", $"{context.SiteName}: updates about your vehicle. Reply to this text to reach us. Reply STOP to stop texts, START to resume. {context.Link}"),
            OrderPlaced => spanish
                ? ($"Pedido confirmado: {Get(context, "vehicle")}", $"¡Gracias, {context.CustomerFirstName}! Su {Get(context, "vehicle")} está pedido. Le avisaremos en cada paso; confirmación de fábrica prevista: {Get(context, "nextDate")}. {context.Link}")
                : ($"Your order: {Get(context, "vehicle")}", $"Thanks, {context.CustomerFirstName}! Your {Get(context, "vehicle")} is on order. We'll tell you at every step; factory confirmation expected {Get(context, "nextDate")}. {context.Link}"),
            OrderMilestone => MilestoneText(spanish, context),
            OrderPromiseChanged => spanish
                ? ($"Nueva fecha para su {Get(context, "vehicle")}", $"{context.CustomerFirstName}, la {Get(context, "milestoneNameEs")} de su {Get(context, "vehicle")} pasa al {Get(context, "newDate")} (antes {Get(context, "oldDate")}). Motivo: {Shorten(Get(context, "reason"), 70)} {FirstName(Get(context, "ownerName"))} le llamará. {context.Link}")
                : ($"New date for your {Get(context, "vehicle")}", $"{context.CustomerFirstName}, the {Get(context, "milestoneName")} of your {Get(context, "vehicle")} is now {Get(context, "newDate")} (was {Get(context, "oldDate")}). Why: {Shorten(Get(context, "reason"), 70)} {FirstName(Get(context, "ownerName"))} is here for questions. {context.Link}"),
            OrderCancelled => spanish
                ? ($"Pedido cancelado", $"{context.CustomerFirstName}, su pedido del {Get(context, "vehicle")} está cancelado.{RefundLine(context, spanish)} {FirstName(Get(context, "ownerName"))} le llamará. {context.Link}")
                : ($"Your order is cancelled", $"{context.CustomerFirstName}, your order for the {Get(context, "vehicle")} is cancelled.{RefundLine(context, spanish)} {FirstName(Get(context, "ownerName"))} will call you. {context.Link}"),
            OrderLate => spanish
                ? ($"Novedades sinceras de su {Get(context, "vehicle")}", $"{context.CustomerFirstName}, con franqueza: la {Get(context, "milestoneNameEs")} de su {Get(context, "vehicle")} estaba prevista el {Get(context, "promisedDate")} y aún no ha ocurrido. Lo estamos siguiendo; {FirstName(Get(context, "ownerName"))} le llamará antes del {Get(context, "callBy")}. {context.Link}")
                : ($"An honest update on your {Get(context, "vehicle")}", $"{context.CustomerFirstName}, an honest update: the {Get(context, "milestoneName")} of your {Get(context, "vehicle")} was expected {Get(context, "promisedDate")} and hasn't happened yet. We're chasing it; {FirstName(Get(context, "ownerName"))} will call you by {Get(context, "callBy")}. {context.Link}"),
            OrderCheckIn => spanish
                ? ($"Su {Get(context, "vehicle")}: todo en marcha", $"{context.CustomerFirstName}, su {Get(context, "vehicle")} está {Get(context, "statusEs")}. Siguiente: {Get(context, "nextNameEs")}, previsto {Get(context, "nextDate")}. {FirstName(Get(context, "ownerName"))} está a su disposición. {context.Link}")
                : ($"Your {Get(context, "vehicle")}: where things stand", $"{context.CustomerFirstName}, your {Get(context, "vehicle")} is {Get(context, "status")}. Next: {Get(context, "nextName")}, expected {Get(context, "nextDate")}. {FirstName(Get(context, "ownerName"))} is here for any questions. {context.Link}"),
            CollectionBooked => spanish
                ? ($"Recogida reservada: {Get(context, "whenEs")}", $"{context.CustomerFirstName}, le esperamos el {Get(context, "whenEs")} en {context.SiteName} para entregarle su {Get(context, "vehicle")}. ¿Necesita cambiarlo? {context.Link}")
                : ($"Collection booked: {Get(context, "when")}", $"{context.CustomerFirstName}, we'll see you {Get(context, "when")} at {context.SiteName} to hand over your {Get(context, "vehicle")}. Need to change it? {context.Link}"),
            CollectionReminder => spanish
                ? ($"Mañana recoge su {Get(context, "vehicle")}", $"{context.CustomerFirstName}, mañana es el día: {Get(context, "whenEs")} en {context.SiteName}. Traiga su carnet de conducir. {FirstName(Get(context, "ownerName"))} le espera. {context.Link}")
                : ($"Tomorrow: your {Get(context, "vehicle")}", $"{context.CustomerFirstName}, tomorrow's the day: {Get(context, "when")} at {context.SiteName}. Bring your driver's license. {FirstName(Get(context, "ownerName"))} will be waiting. {context.Link}"),
            OrderDelivered => spanish
                ? ($"¡Disfrute su {Get(context, "vehicle")}!", $"¡Enhorabuena, {context.CustomerFirstName}! Gracias por confiar en {context.SiteName}. Cualquier duda sobre su {Get(context, "vehicle")}, responda a este mensaje. {context.Link}")
                : ($"Enjoy your {Get(context, "vehicle")}!", $"Congratulations, {context.CustomerFirstName}! Thank you for choosing {context.SiteName}. Any question about your {Get(context, "vehicle")}, just reply to this message. {context.Link}"),
            CollectionProposed => spanish
                ? ($"Elija cuándo recoger su {Get(context, "vehicle")}", $"{context.CustomerFirstName}, {FirstName(Get(context, "ownerName"))} le propone: {Get(context, "times")}. Elija la que le venga mejor (u otra hora): {context.Link}")
                : ($"Pick your collection time", $"{context.CustomerFirstName}, {FirstName(Get(context, "ownerName"))} suggests {Get(context, "times")}. Pick whichever suits you (or another time): {context.Link}"),
            ServiceBooked => spanish
                ? ($"Cita de taller: {Get(context, "whenEs")}", $"{context.CustomerFirstName}, su {Get(context, "vehicle")} tiene cita el {Get(context, "whenEs")} en {context.SiteName} con {FirstName(Get(context, "advisorName"))}. Pediremos las piezas con tiempo. {context.Link}")
                : ($"Service booked: {Get(context, "when")}", $"{context.CustomerFirstName}, your {Get(context, "vehicle")} is booked in for {Get(context, "when")} at {context.SiteName} with {FirstName(Get(context, "advisorName"))}. We'll have the parts ready. {context.Link}"),
            ServiceRescheduled => spanish
                ? ($"Cita cambiada: {Get(context, "whenEs")}", $"{context.CustomerFirstName}, su cita para el {Get(context, "vehicle")} es ahora el {Get(context, "whenEs")} en {context.SiteName}. Motivo: {Shorten(Get(context, "reason"), 70)} {context.Link}")
                : ($"Service moved to {Get(context, "when")}", $"{context.CustomerFirstName}, your {Get(context, "vehicle")} is now booked for {Get(context, "when")} at {context.SiteName}. Why: {Shorten(Get(context, "reason"), 70)} {context.Link}"),
            ServiceCancelled => spanish
                ? ($"Cita cancelada", $"{context.CustomerFirstName}, su cita del {Get(context, "whenEs")} para el {Get(context, "vehicle")} está cancelada. Para una nueva, responda a este mensaje. {context.Link}")
                : ($"Service appointment cancelled", $"{context.CustomerFirstName}, your {Get(context, "when")} service for the {Get(context, "vehicle")} is cancelled. To book again, just reply to this message. {context.Link}"),
            ServiceReminder => spanish
                ? ($"Mañana: cita para su {Get(context, "vehicle")}", $"{context.CustomerFirstName}, le esperamos mañana, {Get(context, "whenEs")}, en {context.SiteName}. Confirme o cambie la hora aquí (no responda SI): {context.Link}")
                : ($"Tomorrow: service for your {Get(context, "vehicle")}", $"{context.CustomerFirstName}, see you tomorrow, {Get(context, "when")}, at {context.SiteName}. Tap to confirm or pick another time: {context.Link}"),
            ServiceAtRisk => spanish
                ? ($"Su cita del {Get(context, "whenEs")}: una pieza se retrasa", $"{context.CustomerFirstName}, una pieza para su {Get(context, "vehicle")} no llegará para el {Get(context, "whenEs")}{Parenthesis(Get(context, "partsByEs"), "prevista")}. Elija otra fecha aquí; {FirstName(Get(context, "advisorName"))} le ayuda: {context.Link}")
                : ($"Your {Get(context, "when")} visit: a part is running late", $"{context.CustomerFirstName}, a part for your {Get(context, "vehicle")} won't arrive in time for {Get(context, "when")}{Parenthesis(Get(context, "partsBy"), "expected")}. Pick a new time here; {FirstName(Get(context, "advisorName"))} can help: {context.Link}"),
            ServicePartsReady => spanish
                ? ($"Sus piezas han llegado", $"{context.CustomerFirstName}, ya tenemos las piezas para su {Get(context, "vehicle")}. Le esperamos el {Get(context, "whenEs")} en {context.SiteName}. {context.Link}")
                : ($"Your parts are in", $"Good news, {context.CustomerFirstName}: the parts for your {Get(context, "vehicle")} are in. See you {Get(context, "when")} at {context.SiteName}. {context.Link}"),
            ServiceCheckedIn => spanish
                ? ($"Su {Get(context, "vehicle")} está con nosotros", $"{context.CustomerFirstName}, gracias. Su {Get(context, "vehicle")} estará listo el {Get(context, "readyByEs")}. {FirstName(Get(context, "advisorName"))} le avisará de cualquier novedad. {context.Link}")
                : ($"We have your {Get(context, "vehicle")}", $"Thanks, {context.CustomerFirstName}. Your {Get(context, "vehicle")} will be ready by {Get(context, "readyBy")}. {FirstName(Get(context, "advisorName"))} will update you as we go. {context.Link}"),
            _ => throw new ArgumentException($"Unknown template '{key}'.", nameof(key)),
        };

        return channel == MessageChannel.Sms
            ? new RenderedMessage(null, ToGsm7(text), null)
            : new RenderedMessage(subject, EmailText(text, spanish, context), EmailHtml(subject, text, spanish, context));
    }

    private static (string Subject, string Text) StaffMessageText(MessageChannel channel, bool spanish, TemplateContext context)
    {
        var staff = Get(context, "staffName");
        var body = Get(context, "text");
        return spanish
            ? ($"Mensaje de {staff}, {context.SiteName}", $"{body} - {FirstName(staff)}, {context.SiteName}. Su seguimiento: {context.Link}")
            : ($"A message from {staff} at {context.SiteName}", $"{body} - {FirstName(staff)}, {context.SiteName}. Your updates: {context.Link}");
    }

    private static (string Subject, string Text) MilestoneText(bool spanish, TemplateContext context)
    {
        var vehicle = Get(context, "vehicle");
        var next = Get(context, "nextDate");
        var site = context.SiteName;
        var first = context.CustomerFirstName;
        return (Get(context, "milestone"), spanish) switch
        {
            ("factoryConfirmed", false) => ($"The factory confirmed your {vehicle}", $"Good news, {first}: the factory confirmed your {vehicle}.{Expected(next, "Build expected", spanish)} {context.Link}"),
            ("factoryConfirmed", true) => ($"La fábrica confirmó su {vehicle}", $"Buenas noticias, {first}: la fábrica confirmó su {vehicle}.{Expected(next, "Fabricación prevista", spanish)} {context.Link}"),
            ("built", false) => ($"Your {vehicle} has been built", $"{first}, your {vehicle} has been built and is getting ready to ship.{Expected(next, "Shipping expected", spanish)} {context.Link}"),
            ("built", true) => ($"Su {vehicle} ya está fabricado", $"{first}, su {vehicle} ya está fabricado y se prepara para el envío.{Expected(next, "Envío previsto", spanish)} {context.Link}"),
            ("inTransit", false) => ($"Your {vehicle} is on its way", $"{first}, your {vehicle} is on its way to {site}.{Expected(next, "Arrival expected", spanish)} {context.Link}"),
            ("inTransit", true) => ($"Su {vehicle} está en camino", $"{first}, su {vehicle} va camino de {site}.{Expected(next, "Llegada prevista", spanish)} {context.Link}"),
            ("arrivedAtDealership", false) => ($"Your {vehicle} has arrived", $"{first}, your {vehicle} arrived at {site} today! We're preparing it now and will tell you the moment you can pick a collection time. {context.Link}"),
            ("arrivedAtDealership", true) => ($"Su {vehicle} ha llegado", $"¡{first}, su {vehicle} llegó hoy a {site}! Lo estamos preparando y le avisaremos en cuanto pueda elegir la hora de recogida. {context.Link}"),
            ("preparedForDelivery", false) => ($"Your {vehicle} is ready", $"{first}, your {vehicle} is ready for you. Pick a collection time that suits you: {context.Link}"),
            ("preparedForDelivery", true) => ($"Su {vehicle} está listo", $"{first}, su {vehicle} está listo. Elija la hora de recogida que mejor le venga: {context.Link}"),
            (_, false) => ($"An update on your {vehicle}", $"{first}, there is news about your {vehicle}: {context.Link}"),
            (_, true) => ($"Novedades de su {vehicle}", $"{first}, hay novedades sobre su {vehicle}: {context.Link}"),
        };
    }

    private static string Expected(string date, string label, bool spanish) =>
        string.IsNullOrEmpty(date) ? "" : spanish ? $" {label}: {date}." : $" {label} {date}.";

    private static string RefundLine(TemplateContext context, bool spanish)
    {
        var refund = Get(context, "refund");
        return string.IsNullOrEmpty(refund) ? "" : spanish ? $" Le devolveremos {refund}." : $" We will refund {refund}.";
    }

    /// <summary>" (expected Thu, Dec 10)", or nothing when the date is not known yet.</summary>
    private static string Parenthesis(string date, string label) => string.IsNullOrEmpty(date) ? "" : $" ({label} {date})";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 3)].TrimEnd() + "...";

    private static (string Subject, string Text) PreferencesText(bool spanish, TemplateContext context)
    {
        var channel = Get(context, "channel");
        var how = (channel, spanish) switch
        {
            ("sms", false) => "by text message",
            ("email", false) => "by email",
            ("both", false) => "by text and email",
            ("sms", true) => "por SMS",
            ("email", true) => "por correo electrónico",
            _ => spanish ? "por SMS y correo" : "by text and email",
        };
        return spanish
            ? ("Preferencias actualizadas", $"Hola {context.CustomerFirstName}: le avisaremos {how}. Puede cambiarlo cuando quiera aquí: {context.Link}")
            : ("Your contact preferences", $"Hi {context.CustomerFirstName}, we'll keep you posted {how}. You can change this any time here: {context.Link}");
    }

    /// <summary>Texts that already greet the customer by name ("Hi Olivia, ...") are not greeted twice in email.</summary>
    private static bool GreetsAlready(string text, TemplateContext context) =>
        text.IndexOf(context.CustomerFirstName, StringComparison.Ordinal) is >= 0 and < 12;

    private static string EmailText(string text, bool spanish, TemplateContext context) =>
        (GreetsAlready(text, context) ? "" : spanish ? $"Hola {context.CustomerFirstName}:\n\n" : $"Hi {context.CustomerFirstName},\n\n") + text + "\n\n" +
        (spanish ? $"Vea el estado de todo lo suyo en cualquier momento: {context.Link}\n\n{context.SiteName}" : $"See where everything stands at any time: {context.Link}\n\n{context.SiteName}");

    private static string EmailHtml(string subject, string text, bool spanish, TemplateContext context)
    {
        var encodedText = WebUtility.HtmlEncode(text).Replace(WebUtility.HtmlEncode(context.Link), $"<a href=\"{WebUtility.HtmlEncode(context.Link)}\">{WebUtility.HtmlEncode(context.Link)}</a>", StringComparison.Ordinal);
        var greeting = spanish ? $"Hola {WebUtility.HtmlEncode(context.CustomerFirstName)}:" : $"Hi {WebUtility.HtmlEncode(context.CustomerFirstName)},";
        var button = spanish ? "Ver mi seguimiento" : "See my updates";
        return $"""
            <!DOCTYPE html>
            <html lang="{(spanish ? "es" : "en")}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{WebUtility.HtmlEncode(subject)}</title></head>
            <body style="margin:0;background:#f5f7fb;font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#14213d">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="padding:24px 12px"><tr><td align="center">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #e2e8f0;border-radius:10px">
            <tr><td style="background:#14213d;color:#ffffff;padding:16px 24px;border-radius:10px 10px 0 0;font-weight:700">{WebUtility.HtmlEncode(context.SiteName)}</td></tr>
            <tr><td style="padding:24px;font-size:16px;line-height:1.55">
            {(GreetsAlready(text, context) ? "" : $"<p style=\"margin:0 0 12px\">{greeting}</p>")}
            <p style="margin:0 0 20px">{encodedText}</p>
            <p style="margin:0 0 8px"><a href="{WebUtility.HtmlEncode(context.Link)}" style="display:inline-block;background:#1f4e8c;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:8px;font-weight:600">{button}</a></p>
            </td></tr></table></td></tr></table>
            </body></html>
            """;
    }

    private static string Get(TemplateContext context, string name) => context.Data.TryGetValue(name, out var value) ? value : "";

    private static string FirstName(string fullName) => fullName.Split(' ', 2)[0];

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

    /// <summary>
    /// Replaces characters outside the GSM-7 alphabet with their plain forms (á→a, ’→') so a Spanish text
    /// is not billed as UCS-2 at 67 characters a segment. Email keeps every accent.
    /// </summary>
    public static string ToGsm7(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Gsm7.Contains(c))
            {
                builder.Append(c);
                continue;
            }

            var plain = c switch
            {
                '–' or '—' => "-",
                '‘' or '’' or '´' => "'",
                '“' or '”' => "\"",
                '…' => "...",
                _ => c.ToString().Normalize(System.Text.NormalizationForm.FormD).FirstOrDefault(ch => Gsm7.Contains(ch)).ToString(),
            };
            builder.Append(plain == "\0" ? "?" : plain);
        }

        return builder.ToString();
    }

    private const string Gsm7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€";
    private const string Gsm7Extended = "^{}\\[~]|€";
}
