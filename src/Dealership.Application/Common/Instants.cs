namespace Dealership.Application.Common;

/// <summary>Instants arriving in requests: the API speaks UTC, so a time without an offset is read as UTC; others are converted.</summary>
public static class Instants
{
    public static DateTime AsUtc(DateTime value) =>
        value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
}
