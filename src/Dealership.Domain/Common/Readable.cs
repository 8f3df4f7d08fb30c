using System.Globalization;

namespace Dealership.Domain.Common;

/// <summary>
/// How staff-facing text writes counts and days: "1 line", "2 visits", "Tue, Dec 1, 2026". Nobody at a desk
/// reads ISO dates or "visit(s)"; customer messages have their own bilingual formatting in the templates.
/// </summary>
public static class Readable
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>"1 line", "3 lines"; <paramref name="plural"/> defaults to the singular with an s.</summary>
    public static string Count(int count, string singular, string? plural = null) =>
        string.Create(English, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");

    /// <summary>A calendar day as people read it, with the weekday and the year.</summary>
    public static string Day(DateOnly day) => day.ToString("ddd, MMM d, yyyy", English);

    /// <summary>A day that may be unset.</summary>
    public static string Day(DateOnly? day, string whenUnset) => day is { } d ? Day(d) : whenUnset;
}
