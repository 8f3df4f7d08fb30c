using Dealership.Domain.Customers;
using Dealership.Domain.Sites;

namespace Dealership.Domain.Notifications;

/// <summary>
/// The one rule for when a message may reach a customer. Every message waits out quiet hours: the customer's
/// own if they set them, else their site's default (8 PM to 8 AM unless the site says otherwise), read in the
/// customer's time zone. The only exception is an answer to something the customer did or said just now
/// (a reply to their text, the confirmation of a time they picked themselves): they are awake and waiting.
/// </summary>
public static class QuietHours
{
    /// <summary>Whether a message may go out during quiet hours: only an urgent answer the customer caused (not a proactive one).</summary>
    public static bool MayBreak(bool urgent, bool proactive) => urgent && !proactive;

    /// <summary>When the quiet period that contains <paramref name="utc"/> ends, or null if it is not quiet then.</summary>
    public static DateTime? EndAfter(Customer customer, Site? site, DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(customer);
        TimeOnly start, end;
        if (customer is { QuietHoursStart: { } own, QuietHoursEnd: { } ownEnd })
        {
            (start, end) = (own, ownEnd);
        }
        else if (site is not null)
        {
            (start, end) = (site.QuietHoursStart, site.QuietHoursEnd);
        }
        else
        {
            return null;
        }

        if (start == end)
        {
            return null;
        }

        var zone = Common.TimeZones.Find(customer.TimeZoneId);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var time = TimeOnly.FromDateTime(local);
        var quiet = start < end ? time >= start && time < end : time >= start || time < end;
        if (!quiet)
        {
            return null;
        }

        var candidate = local.Date + end.ToTimeSpan();
        if (candidate <= local)
        {
            candidate = candidate.AddDays(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(candidate, DateTimeKind.Unspecified), zone);
    }
}
