using Dealership.Application.Common;
using Dealership.Application.Customers;
using Dealership.Application.Orders;
using Dealership.Application.Sites;
using Dealership.Domain.Orders;
using Dealership.Web.Security;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dealership.Web.Pages.Orders;

[Authorize(Policy = Policies.WriteOrders)]
public sealed class NewModel(IMediator mediator, SiteContext siteContext) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid CustomerId { get; set; }

    public string CustomerName { get; private set; } = "";

    [BindProperty] public int Year { get; set; } = DateTime.UtcNow.Year + 1;
    [BindProperty] public string? Make { get; set; }
    [BindProperty(Name = "model")] public string? ModelName { get; set; }
    [BindProperty] public string? Trim { get; set; }
    [BindProperty] public string? Color { get; set; }
    [BindProperty] public string? Price { get; set; }
    [BindProperty] public string? DocumentationFee { get; set; }
    [BindProperty] public string? RegistrationFee { get; set; }
    [BindProperty] public string? Accessories { get; set; }
    [BindProperty] public DateOnly? FactoryConfirmed { get; set; }
    [BindProperty] public DateOnly? ArrivedAtDealership { get; set; }
    [BindProperty] public DateOnly? PreparedForDelivery { get; set; }

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadCustomerAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadCustomerAsync(ct))
        {
            return NotFound();
        }

        if (FormOutcome.ToMinorUnits(Price) is not { } price)
        {
            Errors.Add("Enter the price, for example 38990.00.");
            return Page();
        }

        var currency = (await siteContext.GetAsync(ct)).Currency;
        var fees = new List<PlaceOrder.FeeItem>();
        foreach (var (kind, typed) in new[] { (FeeKind.Documentation, DocumentationFee), (FeeKind.RegistrationAndTitle, RegistrationFee), (FeeKind.Accessories, Accessories) })
        {
            if (string.IsNullOrWhiteSpace(typed))
            {
                continue;
            }

            if (FormOutcome.ToMinorUnits(typed) is not { } cents)
            {
                Errors.Add($"{OrderFee.Describe(kind)}: enter an amount, for example 85.00.");
                return Page();
            }

            fees.Add(new PlaceOrder.FeeItem(kind, new MoneyView(cents, currency)));
        }

        var promises = new Dictionary<OrderMilestone, DateOnly>();
        if (FactoryConfirmed is { } f) { promises[OrderMilestone.FactoryConfirmed] = f; }
        if (ArrivedAtDealership is { } a) { promises[OrderMilestone.ArrivedAtDealership] = a; }
        if (PreparedForDelivery is { } p) { promises[OrderMilestone.PreparedForDelivery] = p; }
        try
        {
            var order = await mediator.Send(new PlaceOrder.Command(CustomerId, new VehicleSpec(Year, Make ?? "", ModelName ?? "", Trim, Color, null, null),
                new MoneyView(price, currency), null, null, promises, fees), ct);
            TempData["Flash"] = "Order placed; the customer is being told.";
            return LocalRedirect($"/orders/{order.Id}");
        }
        catch (Exception ex) when (FormOutcome.Messages(ex) is { } messages)
        {
            Errors.AddRange(messages);
        }

        return Page();
    }

    private async Task<bool> LoadCustomerAsync(CancellationToken ct)
    {
        try
        {
            var customer = await mediator.Send(new GetCustomer.Query(CustomerId), ct);
            CustomerName = $"{customer.FirstName} {customer.LastName}";
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
