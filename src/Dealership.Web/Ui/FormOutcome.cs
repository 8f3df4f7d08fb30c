using System.Globalization;
using Dealership.Application.Common;
using Dealership.Domain.Common;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Web.Ui;

/// <summary>
/// The staff UI's counterpart of the API's problem handler: turns the failures a person can fix into
/// sentences for the page, and leaves anything else to the error page.
/// </summary>
public static class FormOutcome
{
    public const string ChangedMeanwhile = "Someone else changed this record while you were looking at it. The page now shows the latest; check it and try again.";

    /// <summary>The messages to show for an expected failure, or null when the exception is not one a person can act on.</summary>
    public static IReadOnlyList<string>? Messages(Exception exception) => exception switch
    {
        ValidationException validation => validation.Errors.Select(e => e.ErrorMessage).Distinct().ToList(),
        DomainRuleException rule => [rule.Message],
        ForbiddenException forbidden => [forbidden.Message],
        NotFoundException => ["That record is not there any more, or it is not yours to change. Reload the page to see where things stand."],
        PreconditionFailedException or DbUpdateConcurrencyException => [ChangedMeanwhile],
        _ => null,
    };

    /// <summary>Reads an amount typed in major units ("1,000.50", "$1000") into minor units; null when it is not an amount.</summary>
    public static long? ToMinorUnits(string? typed)
    {
        var cleaned = typed?.Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
        return decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var major) && major >= 0
            ? (long)Math.Round(major * 100)
            : null;
    }
}
