using System.Globalization;
using System.Text;
using Dealership.Domain.Parts;
using Dealership.Domain.Sites;

namespace Dealership.Application.Parts;

/// <summary>Writes the email a supplier receives for a parts order: plain text a counter clerk can key in.</summary>
public static class SupplierOrderEmail
{
    public static SupplierEmail For(PartsOrder order, Supplier supplier, Site site, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(supplier);
        ArgumentNullException.ThrowIfNull(site);
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Hello {supplier.Name},")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Please supply the parts below to {site.Name} and reply with your delivery date, quoting {order.Reference}.")
            .AppendLine();
        foreach (var line in order.Lines)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"  {line.Quantity} x {line.PartNumber}  {line.Description}");
        }

        body.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"We need them by {order.ExpectedEta:dddd d MMMM yyyy} for booked customer appointments.")
            .AppendLine()
            .AppendLine("Thank you,")
            .AppendLine(CultureInfo.InvariantCulture, $"Parts department, {site.Name}");
        var email = new SupplierEmail(order.Id, supplier.OrderEmail, supplier.Name, $"Parts order {order.Reference} from {site.Name}", body.ToString(), now);
        // Sent while the site is open; an order placed at night goes out when the site opens (and says so on the parts page).
        if (site.NextOpenAt(now) is { } opens)
        {
            email.HoldUntil(opens);
        }

        return email;
    }
}
