using System.Globalization;
using Dealership.Domain.Common;

namespace Dealership.Application.Notifications.Templates;

/// <summary>
/// How producers write a fact onto a notification: raw and language-free (ISO days, UTC instants, minor
/// units, enum names). The renderer formats them for the reader when the message is sent, so a queued
/// message never carries a date already written in the wrong language or zone.
/// </summary>
public static class TemplateFacts
{
    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Instant(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Instants(IEnumerable<DateTime> utc) => string.Join(' ', utc.Select(Instant));

    public static string Amount(Money money) => money.Amount == 0 ? "" : money.ToString();

    public static string Names<T>(IEnumerable<T> values)
        where T : struct, Enum => string.Join(',', values.Select(v => v.ToString()));

    public static DateOnly? ReadDay(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static DateTime? ReadInstant(string value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? DateTime.SpecifyKind(at, DateTimeKind.Utc)
            : null;
}
