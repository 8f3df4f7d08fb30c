using Dealership.Application.Sites;
using Dealership.Application.Staff;
using Dealership.Web.Security;
using Mediator;

namespace Dealership.Web.Api;

/// <summary>/api/sites (the caller's sites) and /api/staff (Managers manage accounts; no self-registration).</summary>
public static class SitesAndStaffApi
{
    public sealed record PaymentTermsBody(IReadOnlyList<Dealership.Domain.Orders.PaymentMethod>? Accepted, long CashLimit, int CheckClearanceDays);

    public sealed record DealRulesBody(int SalesTaxBasisPoints, bool? TradeInReducesTax, int LienholderNoticeDays, int PayoffDays, int CancellationWindowDays);

    public sealed record AvailabilityBody(IReadOnlyList<Dealership.Domain.Handover.WorkingHours>? Hours, IReadOnlyList<Dealership.Domain.Handover.BlockedTime>? Blocked);

    public static void MapSitesAndStaffApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/sites", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListMySites.Query(), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithTags("Sites")
            .WithSummary("The sites you work at; the current one (X-Site-Id or your primary site) has isCurrent: true.");

        api.MapPut("/sites/{id:guid}/deal-rules", async (Guid id, DealRulesBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Dealership.Application.Sites.ChangeDealRules.Command(id, body.SalesTaxBasisPoints,
                    body.TradeInReducesTax ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("tradeInReducesTax", "Say whether the trade-in allowance reduces the taxed price: true or false.")]),
                    body.LienholderNoticeDays, body.PayoffDays, body.CancellationWindowDays, ETags.ReadIfMatch(request)), ct)))
            .RequireAuthorization(Policies.ManagersOnly)
            .WithTags("Sites")
            .WithSummary("A site's deal rules: salesTaxBasisPoints (725 = 7.25%), tradeInReducesTax, lienholderNoticeDays, payoffDays, cancellationWindowDays. Managers.");

        api.MapPut("/sites/{id:guid}/payment-terms", async (Guid id, PaymentTermsBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Dealership.Application.Sites.ChangePaymentTerms.Command(id, body.Accepted ?? [], body.CashLimit, body.CheckClearanceDays,
                    ETags.ReadIfMatch(request)), ct)))
            .RequireAuthorization(Policies.ManagersOnly)
            .WithTags("Sites")
            .WithSummary("How a site takes money: accepted (card, cash, check, companyCheck, cashiersCheck, bankTransfer, lenderFunding), cashLimit per deal in cents, "
                + "checkClearanceDays (business days). Managers. Card or bank transfer must stay accepted.");

        api.MapPut("/staff/me/alerts", async (Dealership.Application.Notifications.SetMyAlerts.Command command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .RequireAuthorization(Policies.Staff)
            .WithTags("Staff")
            .WithSummary("Your own alerts: mobilePhone and textApprovals (be texted when someone asks for your approval). Off unless you turn it on.");

        api.MapGet("/staff/{id:guid}/availability", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Dealership.Application.Handover.GetStaffAvailability.Query(id), ct)))
            .RequireAuthorization(Policies.Staff).WithTags("Staff")
            .WithSummary("Working hours and blocked time (yours, or as a manager someone's at your sites).");
        api.MapPut("/staff/{id:guid}/availability", async (Guid id, AvailabilityBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Dealership.Application.Handover.SetStaffAvailability.Command(id, body.Hours ?? [], body.Blocked ?? []), ct)))
            .RequireAuthorization(Policies.Staff).WithTags("Staff")
            .WithSummary("Replace working hours (weekday, starts, ends in site time) and blocked periods (UTC): collections are offered only when you are there.");

        var staff = api.MapGroup("/staff").WithTags("Staff").RequireAuthorization(Policies.ManagersOnly);
        staff.MapPost("/", async (CreateStaffMember.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var member = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/staff/{member.Id}", member);
            })
            .WithSummary("Create a staff account with roles and sites (Managers only).");
        staff.MapGet("/", async ([AsParameters] PageRequest paging, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListStaff.Query(paging.Number, paging.Size), ct)))
            .WithSummary("Staff at the current site (Managers only).");
    }
}
