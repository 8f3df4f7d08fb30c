using Dealership.Application.Common;
using Dealership.Application.Orders;
using Dealership.Application.TradeIns;
using Dealership.Domain.TradeIns;
using Dealership.Web.Security;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Dealership.Web.Pages.TradeIns;

/// <summary>Ask for an appraisal: from a customer's order (the usual way) or the customer's page (a stand-alone purchase).</summary>
[Authorize(Policy = Policies.RequestTradeIns)]
public sealed class NewModel(IMediator mediator, FormSubmissions submissions, Dealership.Application.Sites.SiteContext siteContext) : StaffFormPage(submissions)
{
    public sealed class TradeInInput
    {
        public string? Vin { get; set; }

        public int? Year { get; set; }

        public string? Make { get; set; }

        public string? Model { get; set; }

        public string? Trim { get; set; }

        public int? Mileage { get; set; }

        public bool WarningLights { get; set; }

        public bool SmokeOrLeaks { get; set; }

        public bool AccidentHistory { get; set; }

        public bool RepairsOver500 { get; set; }

        public int? Keys { get; set; }

        public TitleStatus? Title { get; set; }

        public string? Lender { get; set; }

        public string? LenderAccount { get; set; }

        public string? Payoff { get; set; }

        public string? PerDiem { get; set; }

        public DateOnly? PayoffGoodUntil { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public Guid? OrderId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? CustomerId { get; set; }

    [BindProperty]
    public TradeInInput Input { get; set; } = new();

    public string? CustomerName { get; private set; }

    public string? OrderVehicle { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            await LoadAsync(ct);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var currency = (await siteContext.GetAsync(ct)).Currency;
        var payoff = FormOutcome.ToMinorUnits(Input.Payoff);
        if (Input.Year is null || Input.Mileage is null || Input.Keys is null || Input.Title is null)
        {
            return await ShowAsync(ct, "Fill in the year, the mileage, how many keys, and where the title is.");
        }

        if (Input.Title == TitleStatus.WithLender && (string.IsNullOrWhiteSpace(Input.Lender) || payoff is null or 0))
        {
            return await ShowAsync(ct, "The title is with a lender: give the lender's name and the payoff amount from their quote.");
        }

        var loan = Input.Title == TitleStatus.WithLender
            ? new RequestTradeIn.LoanInput(Input.Lender!, Input.LenderAccount, new MoneyView(payoff!.Value, currency),
                FormOutcome.ToMinorUnits(Input.PerDiem) is { } perDiem ? new MoneyView(perDiem, currency) : null, Input.PayoffGoodUntil)
            : null;
        TradeInView? created = null;
        return await SubmitAsync(async () =>
            {
                var customerId = CustomerId ?? (await mediator.Send(new GetOrder.Query(OrderId!.Value), ct)).CustomerId;
                created = await mediator.Send(new RequestTradeIn.Command(customerId, OrderId, Input.Vin ?? "", Input.Year.Value, Input.Make ?? "", Input.Model ?? "", Input.Trim,
                    Input.Mileage.Value, new RequestTradeIn.ConditionInput(Input.WarningLights, Input.SmokeOrLeaks, Input.AccidentHistory, Input.RepairsOver500, Input.Keys.Value,
                        Input.Title.Value), loan), ct);
            },
            () => "Appraisal requested. The used-car manager has it in their queue; the customer keeps their car until the swap.",
            () => $"/trade-ins/{created!.Id}", ct);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        if (OrderId is { } orderId)
        {
            var order = await mediator.Send(new GetOrder.Query(orderId), ct);
            CustomerName = order.CustomerName;
            OrderVehicle = order.Vehicle.Describe();
            CustomerId = order.CustomerId;
        }
        else if (CustomerId is { } customerId)
        {
            var customer = await mediator.Send(new Dealership.Application.Customers.GetCustomer.Query(customerId), ct);
            CustomerName = $"{customer.FirstName} {customer.LastName}";
        }
    }
}
