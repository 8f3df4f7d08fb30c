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
        ReplyAcknowledged => new Dictionary<string, string> { ["ownerName"] = "Sam Carter", ["dueLocal"] = "9:30 AM Monday", ["dueLocalEs"] = "las 9:30 del lunes" },
        OrderPlaced => new Dictionary<string, string> { ["vehicle"] = "2027 Honda Accord Touring", ["nextDate"] = "Tue, Dec 8", ["ownerName"] = "Sam Carter" },
        OrderMilestone => new Dictionary<string, string> { ["milestone"] = "arrivedAtDealership", ["vehicle"] = "2027 Honda Accord Touring", ["nextDate"] = "Fri, Jan 15", ["ownerName"] = "Sam Carter" },
        OrderPromiseChanged => new Dictionary<string, string>
        {
            ["vehicle"] = "2027 Honda Accord Touring", ["milestoneName"] = "arrival at the dealership", ["milestoneNameEs"] = "llegada al concesionario",
            ["newDate"] = "Fri, Jan 22", ["oldDate"] = "Fri, Jan 15", ["reason"] = "Storm at the port.", ["ownerName"] = "Sam Carter",
            ["knockOn"] = "Delivery moves with it, to Tue, Jan 26.", ["knockOnEs"] = "La entrega pasa al mar 26 ene.",
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
                ? ($"Recibimos su mensaje", $"Gracias, {context.CustomerFirstName}. {Either(context, "ownerName", "{0}", "Nuestro equipo")} ya tiene su mensaje y le responderá {Either(context, "dueLocalEs", "antes de {0}", "en breve")}. {context.SiteName}: {context.Link}")
                : ($"We have your message", $"Thanks, {context.CustomerFirstName}. {Either(context, "ownerName", "{0}", "Our team")} has your message and will get back to you {Either(context, "dueLocal", "by {0}", "shortly")}. {context.SiteName}: {context.Link}"),
            HelpReply => spanish
                ? ($"Ayuda", $"{context.SiteName}: avisos sobre su vehículo. Responda a este mensaje para hablar con nosotros. STOP para no recibir SMS, START para volver. {context.Link}")
                : ($"Help", $"{context.SiteName}: updates about your vehicle. Reply to this text to reach us. Reply STOP to stop texts, START to resume. {context.Link}"),
            OrderPlaced => spanish
                ? ($"Pedido confirmado: {Car(context, true)}", $"¡Gracias, {context.CustomerFirstName}! Su {Car(context, true)} está pedido. Le avisaremos en cada paso.{Expected(Get(context, "nextDate"), "Confirmación de fábrica prevista", true)} {context.Link}")
                : ($"Your order: {Car(context, false)}", $"Thanks, {context.CustomerFirstName}! Your {Car(context, false)} is on order. We'll tell you at every step.{Expected(Get(context, "nextDate"), "Factory confirmation expected", false)} {context.Link}"),
            OrderMilestone => MilestoneText(spanish, context),
            OrderPromiseChanged => spanish
                ? ($"Nueva fecha para su {Car(context, true)}", $"{context.CustomerFirstName}, la {Get(context, "milestoneNameEs")} de su {Car(context, true)} pasa al {Get(context, "newDate")}{Parenthesis(Get(context, "oldDate"), "antes")}.{Either(context, "knockOnEs", " {0}", "")}{Because(context, true)} {Who(context, "ownerName", true, startsSentence: true)} le llamará. {context.Link}")
                : ($"New date for your {Car(context, false)}", $"{context.CustomerFirstName}, the {Get(context, "milestoneName")} of your {Car(context, false)} is now {Get(context, "newDate")}{Parenthesis(Get(context, "oldDate"), "was")}.{Either(context, "knockOn", " {0}", "")}{Because(context, false)} {Who(context, "ownerName", false, startsSentence: true)} is here for questions. {context.Link}"),
            OrderCancelled => spanish
                ? ($"Pedido cancelado", $"{context.CustomerFirstName}, su pedido del {Car(context, true)} está cancelado.{RefundLine(context, spanish)} {Who(context, "ownerName", true, startsSentence: true)} le llamará. {context.Link}")
                : ($"Your order is cancelled", $"{context.CustomerFirstName}, your order for the {Car(context, false)} is cancelled.{RefundLine(context, spanish)} {Who(context, "ownerName", false, startsSentence: true)} will call you. {context.Link}"),
            OrderLate => spanish
                ? ($"Novedades sinceras de su {Car(context, true)}", $"{context.CustomerFirstName}, con franqueza: la {Get(context, "milestoneNameEs")} de su {Car(context, true)} estaba prevista el {Get(context, "promisedDate")} y aún no ha ocurrido. Lo estamos siguiendo; {Who(context, "ownerName", true)} le llamará{Either(context, "callBy", " antes del {0}", " pronto")}. {context.Link}")
                : ($"An honest update on your {Car(context, false)}", $"{context.CustomerFirstName}, an honest update: the {Get(context, "milestoneName")} of your {Car(context, false)} was expected {Get(context, "promisedDate")} and hasn't happened yet. We're chasing it; {Who(context, "ownerName", false)} will call you{Either(context, "callBy", " by {0}", " soon")}. {context.Link}"),
            OrderCheckIn => spanish
                ? ($"Su {Car(context, true)}: todo en marcha", $"{context.CustomerFirstName}, su {Car(context, true)} está {Get(context, "statusEs")}.{Next(context, true)} {Who(context, "ownerName", true, startsSentence: true)} está a su disposición. {context.Link}")
                : ($"Your {Car(context, false)}: where things stand", $"{context.CustomerFirstName}, your {Car(context, false)} is {Get(context, "status")}.{Next(context, false)} {Who(context, "ownerName", false, startsSentence: true)} is here for any questions. {context.Link}"),
            CollectionBooked => spanish
                ? ($"Recogida reservada: {Get(context, "whenEs")}", $"{context.CustomerFirstName}, le esperamos el {Get(context, "whenEs")} en {context.SiteName} para entregarle su {Car(context, true)}. ¿Necesita cambiarlo? {context.Link}")
                : ($"Collection booked: {Get(context, "when")}", $"{context.CustomerFirstName}, we'll see you {Get(context, "when")} at {context.SiteName} to hand over your {Car(context, false)}. Need to change it? {context.Link}"),
            CollectionReminder => spanish
                ? ($"Mañana recoge su {Car(context, true)}", $"{context.CustomerFirstName}, mañana es el día: {Get(context, "whenEs")} en {context.SiteName}. Traiga su licencia de conducir. {Who(context, "ownerName", true, startsSentence: true)} le espera. {context.Link}")
                : ($"Tomorrow: your {Car(context, false)}", $"{context.CustomerFirstName}, tomorrow's the day: {Get(context, "when")} at {context.SiteName}. Bring your driver's license. {Who(context, "ownerName", false, startsSentence: true)} will be waiting. {context.Link}"),
            OrderDelivered => spanish
                ? ($"¡Disfrute su {Car(context, true)}!", $"¡Enhorabuena, {context.CustomerFirstName}! Gracias por confiar en {context.SiteName}. Cualquier duda sobre su {Car(context, true)}, responda a este mensaje. {context.Link}")
                : ($"Enjoy your {Car(context, false)}!", $"Congratulations, {context.CustomerFirstName}! Thank you for choosing {context.SiteName}. Any question about your {Car(context, false)}, just reply to this message. {context.Link}"),
            CollectionProposed => spanish
                ? ($"Elija cuándo recoger su {Car(context, true)}", $"{context.CustomerFirstName}, {Who(context, "ownerName", true)} le propone: {Get(context, "times")}. Elija la que le venga mejor (u otra hora): {context.Link}")
                : ($"Pick your collection time", $"{context.CustomerFirstName}, {Who(context, "ownerName", false)} suggests {Get(context, "times")}. Pick whichever suits you (or another time): {context.Link}"),
            ServiceBooked => spanish
                ? ($"Cita de taller: {Get(context, "whenEs")}", $"{context.CustomerFirstName}, su {Car(context, true)} tiene cita el {Get(context, "whenEs")} en {context.SiteName}{Either(context, "advisorName", " con {0}", "", firstNameOnly: true)}. Pediremos las piezas con tiempo. {context.Link}")
                : ($"Service booked: {Get(context, "when")}", $"{context.CustomerFirstName}, your {Car(context, false)} is booked in for {Get(context, "when")} at {context.SiteName}{Either(context, "advisorName", " with {0}", "", firstNameOnly: true)}. We'll have the parts ready. {context.Link}"),
            ServiceRescheduled => spanish
                ? ($"Cita cambiada: {Get(context, "whenEs")}", $"{context.CustomerFirstName}, su cita para el {Car(context, true)} es ahora el {Get(context, "whenEs")} en {context.SiteName}.{Because(context, true)} {context.Link}")
                : ($"Service moved to {Get(context, "when")}", $"{context.CustomerFirstName}, your {Car(context, false)} is now booked for {Get(context, "when")} at {context.SiteName}.{Because(context, false)} {context.Link}"),
            ServiceCancelled => spanish
                ? ($"Cita cancelada", $"{context.CustomerFirstName}, su cita del {Get(context, "whenEs")} para el {Car(context, true)} está cancelada. Para una nueva, responda a este mensaje. {context.Link}")
                : ($"Service appointment cancelled", $"{context.CustomerFirstName}, your {Get(context, "when")} service for the {Car(context, false)} is cancelled. To book again, just reply to this message. {context.Link}"),
            ServiceReminder => spanish
                ? ($"Mañana: cita para su {Car(context, true)}", $"{context.CustomerFirstName}, le esperamos mañana, {Get(context, "whenEs")}, en {context.SiteName}. Confirme o cambie la hora aquí (no responda SI): {context.Link}")
                : ($"Tomorrow: service for your {Car(context, false)}", $"{context.CustomerFirstName}, see you tomorrow, {Get(context, "when")}, at {context.SiteName}. Tap to confirm or pick another time: {context.Link}"),
            ServiceAtRisk => spanish
                ? ($"Su cita del {Get(context, "whenEs")}: una pieza se retrasa", $"{context.CustomerFirstName}, una pieza para su {Car(context, true)} no llegará para el {Get(context, "whenEs")}{Parenthesis(Get(context, "partsByEs"), "prevista")}. Elija otra fecha aquí; {Who(context, "advisorName", true)} le ayuda: {context.Link}")
                : ($"Your {Get(context, "when")} visit: a part is running late", $"{context.CustomerFirstName}, a part for your {Car(context, false)} won't arrive in time for {Get(context, "when")}{Parenthesis(Get(context, "partsBy"), "expected")}. Pick a new time here; {Who(context, "advisorName", false)} can help: {context.Link}"),
            ServicePartsReady => spanish
                ? ($"Sus piezas han llegado", $"{context.CustomerFirstName}, ya tenemos las piezas para su {Car(context, true)}. Le esperamos el {Get(context, "whenEs")} en {context.SiteName}. {context.Link}")
                : ($"Your parts are in", $"Good news, {context.CustomerFirstName}: the parts for your {Car(context, false)} are in. See you {Get(context, "when")} at {context.SiteName}. {context.Link}"),
            ServiceCheckedIn => spanish
                ? ($"Su {Car(context, true)} está con nosotros", $"{context.CustomerFirstName}, gracias. Su {Car(context, true)} estará listo el {Get(context, "readyByEs")}. {Who(context, "advisorName", true, startsSentence: true)} le avisará de cualquier novedad. {context.Link}")
                : ($"We have your {Car(context, false)}", $"Thanks, {context.CustomerFirstName}. Your {Car(context, false)} will be ready by {Get(context, "readyBy")}. {Who(context, "advisorName", false, startsSentence: true)} will update you as we go. {context.Link}"),
            _ => throw new ArgumentException($"Unknown template '{key}'.", nameof(key)),
        };

        return channel == MessageChannel.Sms
            ? new RenderedMessage(null, ToGsm7(text), null)
            : new RenderedMessage(subject, EmailText(text, spanish, context, footer: key != StaffMessage), EmailHtml(subject, text, spanish, context));
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
        var vehicle = Car(context, spanish);
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
            ("preparedForDelivery", false) when Get(context, "stillOpen") is { Length: > 0 } open =>
                ($"Your {vehicle} is almost ready", $"{first}, your {vehicle} is prepared. Still to finish: {open}.{(Get(context, "fromCustomer").Length > 0 ? " We may need something from you; we'll be in touch." : "")} Then you pick your collection time: {context.Link}"),
            ("preparedForDelivery", true) when Get(context, "stillOpenEs") is { Length: > 0 } open =>
                ($"Su {vehicle} está casi listo", $"{first}, su {vehicle} está preparado. Falta: {open}.{(Get(context, "fromCustomer").Length > 0 ? " Quizá necesitemos algo de usted; le contactaremos." : "")} Después elige la hora de recogida: {context.Link}"),
            ("preparedForDelivery", false) => ($"Your {vehicle} is ready", $"{first}, your {vehicle} is ready for you. Pick a collection time that suits you: {context.Link}"),
            ("preparedForDelivery", true) => ($"Su {vehicle} está listo", $"{first}, su {vehicle} está listo. Elija la hora de recogida que mejor le venga: {context.Link}"),
            (_, false) => ($"An update on your {vehicle}", $"{first}, there is news about your {vehicle}: {context.Link}"),
            (_, true) => ($"Novedades de su {vehicle}", $"{first}, hay novedades sobre su {vehicle}: {context.Link}"),
        };
    }

    /// <summary>" Next: arrival at the dealership, expected Fri, Jan 15." with whichever of the two facts is known.</summary>
    private static string Next(TemplateContext context, bool spanish)
    {
        var (name, date) = (Get(context, spanish ? "nextNameEs" : "nextName"), Get(context, "nextDate"));
        return (name.Length > 0, date.Length > 0, spanish) switch
        {
            (true, true, false) => $" Next: {name}, expected {date}.",
            (true, true, true) => $" Siguiente: {name}, previsto {date}.",
            (true, false, false) => $" Next: {name}.",
            (true, false, true) => $" Siguiente: {name}.",
            (false, true, false) => $" Next step expected {date}.",
            (false, true, true) => $" Siguiente paso previsto: {date}.",
            _ => "",
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

    /// <summary>The email's text part. A staff message already ends with its writer's name, site and link, so it is signed once: no footer.</summary>
    private static string EmailText(string text, bool spanish, TemplateContext context, bool footer) =>
        (GreetsAlready(text, context) ? "" : spanish ? $"Hola {context.CustomerFirstName}:\n\n" : $"Hi {context.CustomerFirstName},\n\n") + text +
        (!footer ? "" : "\n\n" + (spanish
            ? $"Vea el estado de todo lo suyo en cualquier momento: {context.Link}\n\n{context.SiteName}"
            : $"See where everything stands at any time: {context.Link}\n\n{context.SiteName}"));

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

    /// <summary>The car's name, or plainly "car" when it is not known, so no sentence has a hole in it.</summary>
    private static string Car(TemplateContext context, bool spanish) => Get(context, "vehicle") is { Length: > 0 } vehicle ? vehicle : spanish ? "auto" : "car";

    /// <summary>The first name of the person who owns the conversation, or "our team" when nobody is named.</summary>
    private static string Who(TemplateContext context, string fact, bool spanish, bool startsSentence = false)
    {
        var name = FirstName(Get(context, fact));
        if (name.Length > 0)
        {
            return name;
        }

        var team = spanish ? "nuestro equipo" : "our team";
        return startsSentence ? char.ToUpperInvariant(team[0]) + team[1..] : team;
    }

    /// <summary>The fact set into <paramref name="known"/> ("by {0}"), or <paramref name="unknown"/> when it is missing.</summary>
    private static string Either(TemplateContext context, string fact, string known, string unknown, bool firstNameOnly = false) =>
        Get(context, fact) is { Length: > 0 } value
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, known, firstNameOnly ? FirstName(value) : value)
            : unknown;

    /// <summary>" Why: …" (or " Motivo: …") when a reason is known; nothing otherwise.</summary>
    private static string Because(TemplateContext context, bool spanish) =>
        Get(context, "reason") is { Length: > 0 } reason ? (spanish ? $" Motivo: {Shorten(reason, 70)}" : $" Why: {Shorten(reason, 70)}") : "";

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
