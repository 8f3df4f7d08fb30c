using System.Globalization;

namespace Dealership.Domain.Service;

/// <summary>
/// What a visit costs, line by line: booked operations at the site's labour rate (the diagnosis hour when no
/// operation was known), booked parts at sell price, approved extra work as it was priced to the customer,
/// goodwill granted on the visit, and tax at the site's rate on what remains. Declined or unanswered work is
/// never on it. Integer minor units; labour and tax rounded half-up to the cent, once per line.
/// </summary>
public sealed record ServiceBill(string Currency, IReadOnlyList<ServiceBillLine> Lines, long Subtotal, long Goodwill, int TaxBasisPoints, long Tax, long Total)
{
    /// <summary>Labour for <paramref name="minutes"/> at <paramref name="ratePerHour"/> (minor units), half-up to the cent.</summary>
    public static long Labour(int minutes, long ratePerHour) => (minutes * ratePerHour + 30) / 60;

    public static ServiceBill For(ServiceAppointment visit, long labourRatePerHour, int taxBasisPoints, string currency,
        IReadOnlyDictionary<Guid, long> partSellPrices, IReadOnlyList<long> goodwillCredits)
    {
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(partSellPrices);
        ArgumentNullException.ThrowIfNull(goodwillCredits);
        var lines = new List<ServiceBillLine>();
        if (visit.Operations.Count == 0)
        {
            lines.Add(new(ServiceBillLineKind.Labour, $"Diagnosis ({Hours(visit.LabourMinutes)})", Labour(visit.LabourMinutes, labourRatePerHour)));
        }

        foreach (var operation in visit.Operations)
        {
            lines.Add(new(ServiceBillLineKind.Labour, $"{operation.Description} ({Hours(operation.LabourMinutes)})", Labour(operation.LabourMinutes, labourRatePerHour)));
        }

        foreach (var part in visit.PartLines.Where(l => l.ExtraWorkId is null))
        {
            var unit = partSellPrices.GetValueOrDefault(part.PartId);
            lines.Add(new(ServiceBillLineKind.Part, $"{part.Description} × {part.Quantity}", checked(unit * part.Quantity)));
        }

        foreach (var work in visit.ExtraWork.Where(w => w.Status == ExtraWorkStatus.Approved))
        {
            lines.Add(new(ServiceBillLineKind.ExtraWork, $"{work.Title} (approved)", work.Total));
        }

        var subtotal = lines.Sum(l => l.Amount);
        // Goodwill never takes the bill below zero: the customer is not paid to have their car serviced.
        var goodwill = Math.Min(goodwillCredits.Where(g => g > 0).Sum(), subtotal);
        if (goodwill > 0)
        {
            lines.Add(new(ServiceBillLineKind.Goodwill, "Goodwill", -goodwill));
        }

        var taxable = subtotal - goodwill;
        var tax = (taxable * taxBasisPoints + 5_000) / 10_000;
        return new ServiceBill(currency, lines, subtotal, goodwill, taxBasisPoints, tax, taxable + tax);
    }

    private static string Hours(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60.0:0.##} h");
}

public sealed record ServiceBillLine(ServiceBillLineKind Kind, string Description, long Amount);

public enum ServiceBillLineKind
{
    Labour,
    Part,
    ExtraWork,
    Goodwill,
}
