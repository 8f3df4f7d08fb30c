using System.Text.Json.Serialization;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Journey;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Analytics;

/// <summary>
/// The journey as an OCEL 2.0 event log (the JSON format of ocel-standard.org): objects are customers, orders,
/// trade-ins and service visits; events are the touchpoints, each related to its customer and to the order,
/// trade-in or visit it was about. Any process-mining tool can then measure the waits between touchpoints
/// without trusting our dashboard. Pseudonymous by design: ids, times, kinds and who acted, never names,
/// contact details or the words of a message.
/// </summary>
public static class ExportJourneyLog
{
    /// <summary>One customer's whole journey, or every journey at the manager's sites over a span of days (site time).</summary>
    [Allowed(Access.ManageSite)]
    public sealed record Query(DateOnly? From = null, DateOnly? To = null, Guid? SiteId = null, Guid? CustomerId = null) : IQuery<OcelLog>;

    /// <summary>Past this the export is refused with advice to narrow it, rather than building a file nobody can open.</summary>
    public const int MaxEvents = 250_000;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q).Must(q => q.From is null || q.To is null || q.From <= q.To)
                .WithName("from").WithMessage("'from' must be on or before 'to'.");
        }
    }

    private static readonly string[] Kinds = Enum.GetNames<TouchpointKind>();

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, TimeProvider clock) : IQueryHandler<Query, OcelLog>
    {
        public async ValueTask<OcelLog> Handle(Query query, CancellationToken cancellationToken)
        {
            if (query.SiteId is { } only && !staff.SiteIds.Contains(only))
            {
                throw new NotFoundException("Site", only);
            }

            var sites = query.SiteId is { } one ? [one] : staff.SiteIds.ToList();
            var touchpoints = db.Touchpoints.AsNoTracking();
            if (query.CustomerId is { } customerId)
            {
                if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
                {
                    throw new NotFoundException("Customer", customerId);
                }

                touchpoints = touchpoints.Where(t => t.CustomerId == customerId);
            }
            else
            {
                var zoneSite = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == (query.SiteId ?? staff.SiteId), cancellationToken);
                var (_, _, start, end) = AnalyticsWindow.For(zoneSite, query.From, query.To, 30, clock.GetUtcNow().UtcDateTime);
                touchpoints = touchpoints.Where(t => t.SiteId != null && sites.Contains(t.SiteId.Value) && t.OccurredAt >= start && t.OccurredAt < end);
            }

            var count = await touchpoints.CountAsync(cancellationToken);
            if (count > MaxEvents)
            {
                throw new DomainRuleException($"That is {count:N0} events; an export holds at most {MaxEvents:N0}. Choose fewer days or one site.", "export-too-large");
            }

            var events = await touchpoints.OrderBy(t => t.OccurredAt).ThenBy(t => t.Id)
                .Select(t => new { t.Id, t.CustomerId, t.OccurredAt, t.Kind, t.Actor, t.Direction, t.Proactive, t.SubjectType, t.SubjectId })
                .ToListAsync(cancellationToken);

            var customerIds = events.Select(e => e.CustomerId).Distinct().ToList();
            var subjectIds = events.Where(e => e.SubjectId is not null).Select(e => e.SubjectId!.Value).Distinct().ToList();
            var orders = await db.Orders.AsNoTracking().Where(o => subjectIds.Contains(o.Id))
                .Select(o => new { o.Id, o.CustomerId, o.CreatedAt, o.Status, o.Vehicle.Make, o.Vehicle.Model, o.Vehicle.Year }).ToListAsync(cancellationToken);
            var visits = await db.Appointments.AsNoTracking().Where(a => subjectIds.Contains(a.Id))
                .Select(a => new { a.Id, a.CustomerId, a.CreatedAt, a.Status }).ToListAsync(cancellationToken);
            var tradeIns = await db.TradeIns.AsNoTracking().Where(t => subjectIds.Contains(t.Id))
                .Select(t => new { t.Id, t.CustomerId, t.RequestedAt, t.Status, t.OrderId }).ToListAsync(cancellationToken);
            var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id))
                .Select(c => new { c.Id, c.CreatedAt, c.Language }).ToListAsync(cancellationToken);

            var known = new HashSet<string>();
            var objects = new List<OcelObject>();
            foreach (var c in customers)
            {
                objects.Add(new OcelObject(Id("customer", c.Id), "customer", [new("language", Time(c.CreatedAt), c.Language)], []));
            }

            foreach (var o in orders)
            {
                objects.Add(new OcelObject(Id("order", o.Id), "order",
                    [new("vehicle", Time(o.CreatedAt), $"{o.Year} {o.Make} {o.Model}"), new("status", Time(o.CreatedAt), o.Status.ToString())],
                    [new(Id("customer", o.CustomerId), "placed by")]));
            }

            foreach (var v in visits)
            {
                objects.Add(new OcelObject(Id("visit", v.Id), "visit", [new("status", Time(v.CreatedAt), v.Status.ToString())], [new(Id("customer", v.CustomerId), "booked by")]));
            }

            foreach (var t in tradeIns)
            {
                List<OcelRelationship> related = [new(Id("customer", t.CustomerId), "offered by")];
                if (t.OrderId is { } orderId && orders.Any(o => o.Id == orderId))
                {
                    related.Add(new(Id("order", orderId), "traded against"));
                }

                objects.Add(new OcelObject(Id("trade-in", t.Id), "trade-in", [new("status", Time(t.RequestedAt), t.Status.ToString())], related));
            }

            foreach (var o in objects)
            {
                known.Add(o.Id);
            }

            var ocelEvents = events.Select(e =>
            {
                List<OcelRelationship> related = [new(Id("customer", e.CustomerId), "customer")];
                var subject = e.SubjectType switch
                {
                    "order" => Id("order", e.SubjectId!.Value),
                    "appointment" => Id("visit", e.SubjectId!.Value),
                    "trade-in" => Id("trade-in", e.SubjectId!.Value),
                    _ => null,
                };
                if (subject is not null && known.Contains(subject))
                {
                    related.Add(new(subject, "about"));
                }

                return new OcelEvent(e.Id.ToString(), e.Kind.ToString(), Time(e.OccurredAt),
                    [new("actor", e.Actor.ToString().ToLowerInvariant()), new("direction", e.Direction.ToString().ToLowerInvariant()), new("proactive", e.Proactive)],
                    related);
            }).ToList();

            OcelAttributeType[] eventAttributes = [new("actor", "string"), new("direction", "string"), new("proactive", "boolean")];
            return new OcelLog(
                [
                    new OcelType("customer", [new("language", "string")]),
                    new OcelType("order", [new("vehicle", "string"), new("status", "string")]),
                    new OcelType("visit", [new("status", "string")]),
                    new OcelType("trade-in", [new("status", "string")]),
                ],
                Kinds.Select(k => new OcelType(k, eventAttributes)).ToList(),
                objects,
                ocelEvents);
        }

        private static string Id(string type, Guid id) => $"{type}:{id}";

        private static string Time(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>The four top-level lists of an OCEL 2.0 JSON log, named as the standard names them.</summary>
public sealed record OcelLog(
    [property: JsonPropertyName("objectTypes")] IReadOnlyList<OcelType> ObjectTypes,
    [property: JsonPropertyName("eventTypes")] IReadOnlyList<OcelType> EventTypes,
    [property: JsonPropertyName("objects")] IReadOnlyList<OcelObject> Objects,
    [property: JsonPropertyName("events")] IReadOnlyList<OcelEvent> Events);

public sealed record OcelType([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("attributes")] IReadOnlyList<OcelAttributeType> Attributes);

public sealed record OcelAttributeType([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("type")] string Type);

public sealed record OcelObject(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("attributes")] IReadOnlyList<OcelObjectValue> Attributes,
    [property: JsonPropertyName("relationships")] IReadOnlyList<OcelRelationship> Relationships);

public sealed record OcelObjectValue([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("time")] string Time, [property: JsonPropertyName("value")] object Value);

public sealed record OcelEvent(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("time")] string Time,
    [property: JsonPropertyName("attributes")] IReadOnlyList<OcelEventValue> Attributes,
    [property: JsonPropertyName("relationships")] IReadOnlyList<OcelRelationship> Relationships);

public sealed record OcelEventValue([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("value")] object Value);

public sealed record OcelRelationship([property: JsonPropertyName("objectId")] string ObjectId, [property: JsonPropertyName("qualifier")] string Qualifier);
