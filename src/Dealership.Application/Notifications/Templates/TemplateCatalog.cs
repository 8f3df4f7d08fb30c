namespace Dealership.Application.Notifications.Templates;

/// <summary>
/// How a fact is stored on the notification (raw, language-free) and shown in a message (formatted at render
/// time in the customer's language and the site's time zone).
/// </summary>
public enum FactKind
{
    /// <summary>Shown as written.</summary>
    Text,

    /// <summary>A calendar day, stored yyyy-MM-dd: "Tue, Dec 8" / "mar 8 dic".</summary>
    Day,

    /// <summary>An instant, stored in UTC: "Tue, Dec 8 at 8:30 AM" / "mar 8 dic a las 8:30" in the site's time.</summary>
    Time,

    /// <summary>An instant shown as its time of day only: "8:30 AM" / "8:30".</summary>
    Clock,

    /// <summary>An instant someone answers by: "9:30 AM Monday" / "las 9:30 del lunes" ("9:30 AM" when it is today).</summary>
    Deadline,

    /// <summary>Money stored as minor units and currency ("100000 USD"): "$1,000.00".</summary>
    Money,

    /// <summary>An order milestone stored by name (ArrivedAtDealership): "arrival at the dealership" / "llegada al concesionario".</summary>
    Milestone,

    /// <summary>Where an order stands, stored as the milestone reached: "on its way to us" / "en camino".</summary>
    Status,

    /// <summary>Open checklist items stored as names separated by commas: "the final inspection, proof of insurance".</summary>
    Checklist,

    /// <summary>Instants separated by spaces: "Sat Jan 16 10:00 AM or Mon Jan 18 5:00 PM".</summary>
    Times,

    /// <summary>A contact channel stored as sms, email or both: "by text message" / "por SMS".</summary>
    Channel,
}

/// <summary>One variable a template may use: its name, kind, whether a message can go without it, and a sample.</summary>
public sealed record TemplateFact(string Name, FactKind Kind, bool Essential, string Sample, string Meaning);

/// <summary>An event's message: its key, what staff call it, and the facts (its typed model).</summary>
public sealed record TemplateDefinition(string Key, string Title, IReadOnlyList<TemplateFact> Facts)
{
    /// <summary>The facts every message has: the customer's first name, the site's name and their personal link.</summary>
    public static readonly IReadOnlyList<TemplateFact> Common =
    [
        new("firstName", FactKind.Text, true, "Olivia", "The customer's first name"),
        new("siteName", FactKind.Text, true, "Harbor Motors Portland", "The site's name"),
        new("link", FactKind.Text, true, "https://updates.harbormotors.example/track/AbCdEfGhIjKlMnOpQrStUvWxYz0", "The customer's personal tracking link"),
    ];

    /// <summary>Every variable name a template of this event may use.</summary>
    public IEnumerable<TemplateFact> AllFacts => Common.Concat(Facts);

    /// <summary>The sample facts (raw, as stored) used by previews and tests.</summary>
    public IReadOnlyDictionary<string, string> Sample => Facts.ToDictionary(f => f.Name, f => f.Sample, StringComparer.Ordinal);
}

/// <summary>Every message the system sends, with its model. The Liquid text of each lives in Defaults/ (overridable per site).</summary>
public static class TemplateCatalog
{
    /// <summary>The languages every message is written in (Defaults/ has each); a site offers some of these.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "es"];

    private static TemplateFact Vehicle => new("vehicle", FactKind.Text, false, "2027 Honda Accord Touring", "The car, as year, make, model and trim");

    private static TemplateFact Owner => new("ownerName", FactKind.Text, false, "Sam Carter", "The salesperson looking after the order");

    private static TemplateFact Advisor => new("advisorName", FactKind.Text, false, "Alex Kim", "The service advisor of the visit");

    private static TemplateFact ServiceCar => new("vehicle", FactKind.Text, false, "2016 Lexus RX 350", "The car, as year, make and model");

    private static TemplateFact TradeCar => new("vehicle", FactKind.Text, false, "2019 Toyota Highlander XLE", "The traded-in car");

    private static TemplateFact VisitTime => new("when", FactKind.Time, true, "2026-12-08T16:30:00Z", "The drop-off time");

    public static readonly IReadOnlyList<TemplateDefinition> All =
    [
        new(MessageTemplates.StaffMessage, "A message written by staff",
        [
            new("staffName", FactKind.Text, true, "Sam Carter", "Who wrote it"),
            new("text", FactKind.Text, true, "Good news: your Accord passed its inspection and is being detailed now. I'll call you tomorrow morning.", "What they wrote"),
        ]),
        new(MessageTemplates.PreferencesUpdated, "Contact preferences changed",
            [new("channel", FactKind.Channel, true, "sms", "How we will keep them posted")]),
        new(MessageTemplates.ReplyAcknowledged, "A customer's text was received",
        [
            new("ownerName", FactKind.Text, false, "Sam Carter", "Who will answer (the team when nobody owns it)"),
            new("dueBy", FactKind.Deadline, false, "2026-11-23T17:30:00Z", "When they will hear back, inside opening hours"),
        ]),
        new(MessageTemplates.HelpReply, "Answer to HELP", []),
        new(MessageTemplates.OrderPlaced, "Order placed",
            [Vehicle, new("nextDate", FactKind.Day, false, "2026-12-08", "When the factory should confirm"), Owner]),
        new(MessageTemplates.OrderMilestone, "Order milestone reached",
        [
            new("milestone", FactKind.Text, true, "arrivedAtDealership", "Which step: factoryConfirmed, built, inTransit, arrivedAtDealership or preparedForDelivery"),
            Vehicle,
            new("nextDate", FactKind.Day, false, "2027-01-15", "When the next step is expected"),
            new("stillOpen", FactKind.Checklist, false, "PreDeliveryInspection,InsuranceProof", "What is still to finish before collection (prepared only)"),
            new("fromCustomer", FactKind.Text, false, "yes", "Not empty when the customer must bring or send something"),
            Owner,
        ]),
        new(MessageTemplates.OrderPromiseChanged, "A promised date moved",
        [
            Vehicle,
            new("milestone", FactKind.Milestone, true, "ArrivedAtDealership", "The step whose date moved"),
            new("newDate", FactKind.Day, true, "2027-01-22", "The new date"),
            new("oldDate", FactKind.Day, false, "2027-01-15", "The date it replaces"),
            new("reason", FactKind.Text, false, "Storm at the port.", "Why, in the staff member's words"),
            Owner,
            new("knockOnMilestone", FactKind.Milestone, false, "Delivered", "The last later step that moved with it"),
            new("knockOnDate", FactKind.Day, false, "2027-01-26", "Where that later step moved to"),
        ]),
        new(MessageTemplates.OrderCancelled, "Order cancelled",
            [Vehicle, new("refund", FactKind.Money, false, "100000 USD", "What is refunded"), Owner]),
        new(MessageTemplates.OrderLate, "An order step is late (watchdog)",
        [
            Vehicle,
            new("milestone", FactKind.Milestone, true, "ArrivedAtDealership", "The late step"),
            new("promisedDate", FactKind.Day, true, "2027-01-15", "When it was promised"),
            Owner,
            new("callBy", FactKind.Day, false, "2027-01-18", "When the owner will have called"),
        ]),
        new(MessageTemplates.OrderCheckIn, "Where things stand (watchdog, after a silence)",
        [
            Vehicle,
            new("status", FactKind.Status, true, "InTransit", "Where the order stands"),
            new("next", FactKind.Milestone, false, "ArrivedAtDealership", "The next step"),
            new("nextDate", FactKind.Day, false, "2027-01-15", "When the next step is expected"),
            Owner,
        ]),
        new(MessageTemplates.CollectionBooked, "Collection booked",
            [Vehicle, new("when", FactKind.Time, true, "2027-01-16T18:00:00Z", "The collection time"), Owner]),
        new(MessageTemplates.CollectionReminder, "Collection tomorrow",
            [Vehicle, new("when", FactKind.Clock, true, "2027-01-16T18:00:00Z", "The collection time"), Owner]),
        new(MessageTemplates.OrderDelivered, "Car delivered", [Vehicle, Owner]),
        new(MessageTemplates.CollectionProposed, "Collection times proposed",
            [Vehicle, Owner, new("times", FactKind.Times, true, "2027-01-16T18:00:00Z 2027-01-19T01:00:00Z 2027-01-19T17:00:00Z", "The proposed times")]),
        new(MessageTemplates.ServiceBooked, "Service booked", [ServiceCar, VisitTime, Advisor]),
        new(MessageTemplates.ServiceRescheduled, "Service moved",
            [ServiceCar, VisitTime, Advisor, new("reason", FactKind.Text, false, "You asked for a later day.", "Why")]),
        new(MessageTemplates.ServiceCancelled, "Service cancelled", [ServiceCar, VisitTime, Advisor]),
        new(MessageTemplates.ServiceReminder, "Service tomorrow",
        [
            ServiceCar, new("when", FactKind.Clock, true, "2026-12-08T16:30:00Z", "The drop-off time"), Advisor,
            new("declined", FactKind.Text, false, "front brake pads and discs", "Urgent work the customer chose to wait on at an earlier visit"),
        ]),
        new(MessageTemplates.ServiceAtRisk, "A part will be late for the visit",
        [
            ServiceCar,
            new("when", FactKind.Day, true, "2026-12-08", "The visit's day"),
            Advisor,
            new("partsBy", FactKind.Day, false, "2026-12-10", "When the part is now expected"),
        ]),
        new(MessageTemplates.ServicePartsReady, "Parts arrived for the visit", [ServiceCar, VisitTime, Advisor]),
        new(MessageTemplates.ServiceCheckedIn, "Car checked in (custody receipt)",
        [
            ServiceCar, new("readyBy", FactKind.Time, true, "2026-12-09T01:00:00Z", "When the car will be ready"), Advisor,
            new("keys", FactKind.Text, false, "2", "How many keys we hold with the car"),
        ]),
        new(MessageTemplates.ServiceWorkStarted, "Work started on the car",
            [ServiceCar, new("readyBy", FactKind.Time, false, "2026-12-09T01:00:00Z", "When the car will be ready"), Advisor]),
        new(MessageTemplates.ServiceInspected, "Inspection done (decisions waiting)",
        [
            ServiceCar, Advisor,
            new("decisions", FactKind.Text, false, "2", "How many proposed items wait for the customer's yes or no (empty: none)"),
            new("extraTotal", FactKind.Money, false, "68250 USD", "What the proposed items come to, before tax"),
        ]),
        new(MessageTemplates.ServiceReady, "Car ready for pickup",
        [
            ServiceCar, Advisor,
            new("total", FactKind.Money, false, "41230 USD", "The bill's total"),
            new("closes", FactKind.Clock, false, "2026-12-09T02:00:00Z", "When the site closes today"),
        ]),
        new(MessageTemplates.ServiceCollected, "Car collected (receipt)",
        [
            ServiceCar,
            new("keys", FactKind.Text, true, "2", "How many keys were handed back"),
            new("paid", FactKind.Money, false, "41230 USD", "What the customer paid"),
            new("method", FactKind.Text, false, "card", "How they paid, in words"),
            new("reference", FactKind.Text, false, "AUTH 448120", "The payment's reference"),
        ]),
        new(MessageTemplates.ServiceNoShow, "Missed visit (book again)", [ServiceCar, VisitTime]),
        new(MessageTemplates.ServiceReadyMoved, "The car needs longer (new ready time)",
        [
            ServiceCar, Advisor,
            new("readyBy", FactKind.Time, true, "2026-12-09T20:00:00Z", "The new ready time"),
            new("reason", FactKind.Text, false, "The fault took longer to trace than we thought.", "Why, as the advisor put it"),
        ]),
        new(MessageTemplates.TradeInOffer, "Trade-in offer made",
        [
            TradeCar,
            new("offer", FactKind.Money, true, "1840000 USD", "What we offer for the car"),
            new("validUntil", FactKind.Day, true, "2026-12-05", "The last day the customer may accept"),
            new("marketValue", FactKind.Money, false, "2150000 USD", "The market reference value"),
            new("reconditioning", FactKind.Money, false, "160000 USD", "What it costs to make the car ready to sell"),
            new("margin", FactKind.Money, false, "150000 USD", "Our margin"),
            new("payoff", FactKind.Money, false, "1210000 USD", "The loan payoff we take over"),
            new("appraiserName", FactKind.Text, false, "Jordan Lee", "The used-car manager who appraised it"),
        ]),
        new(MessageTemplates.TradeInReceived, "Trade-in received (custody receipt)",
        [
            TradeCar,
            new("allowance", FactKind.Money, false, "1840000 USD", "What it was credited (or paid) at"),
            new("keys", FactKind.Text, true, "2", "How many keys we received"),
            new("title", FactKind.Text, false, "yes", "Not empty when we received the title"),
            new("paidOut", FactKind.Text, false, "", "Not empty for a stand-alone purchase (paid, not credited)"),
            new("lender", FactKind.Text, false, "Summit Credit Union", "The lender whose loan we pay off"),
            new("payoffBy", FactKind.Day, false, "2026-12-19", "The day the payoff is sent by"),
        ]),
        new(MessageTemplates.TradeInPayoffSent, "Loan payoff sent",
        [
            TradeCar,
            new("lender", FactKind.Text, true, "Summit Credit Union", "The lender"),
            new("amount", FactKind.Money, true, "1214500 USD", "What we sent"),
            new("reference", FactKind.Text, true, "WIRE-20261204-118", "The payment reference the lender sees"),
            new("refundDue", FactKind.Money, false, "12000 USD", "When the lender took less than the deal carried: what we refund"),
        ]),
        new(MessageTemplates.TradeInReturned, "Deal cancelled: trade-in returned or refunded (receipt)",
        [
            TradeCar,
            new("refund", FactKind.Money, false, "2250000 USD", "Refunded instead, when the car was already sold"),
            new("title", FactKind.Text, false, "yes", "Not empty when the title goes back too"),
            new("payoffPaid", FactKind.Money, false, "1214500 USD", "The payoff we had already sent the lender, to settle with the customer"),
            new("lender", FactKind.Text, false, "Summit Credit Union", "The lender we paid"),
        ]),
        new(MessageTemplates.DecisionApproved, "A request for the customer approved (money off, a check accepted, an offer kept open)",
        [
            new("kind", FactKind.Text, true, "price", "What was approved: price, fees, credit, check, offer or loaner"),
            new("amount", FactKind.Money, false, "50000 USD", "How much, for money off"),
            new("until", FactKind.Day, false, "2026-12-12", "The offer's new last day"),
            new("vehicle", FactKind.Text, false, "2026 Honda CR-V", "The car of the deal or the trade-in"),
            new("staffName", FactKind.Text, false, "Sam Carter", "Who asked for it on the customer's behalf"),
        ]),
    ];

    private static readonly Dictionary<string, TemplateDefinition> ByKey = All.ToDictionary(d => d.Key, StringComparer.Ordinal);

    public static TemplateDefinition Get(string key) =>
        ByKey.TryGetValue(key, out var definition) ? definition : throw new ArgumentException($"Unknown template '{key}'.", nameof(key));

    public static bool Exists(string key) => ByKey.ContainsKey(key);
}
