using System.Text.Json;
using Dealership.Application.Common;

namespace Dealership.Web.Api;

/// <summary>Reads query-string values the way the API spells them: enums in camelCase (<c>?status=dead</c>), people as <c>me</c> or an id.</summary>
public static class QueryValues
{
    public static T? Enum<T>(string? value, string name) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (TryEnum<T>(value, out var parsed))
        {
            return parsed;
        }

        var allowed = string.Join(", ", System.Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName));
        throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(name, $"'{value}' is not a valid {name}. Use one of: {allowed}.")]);
    }

    /// <summary>
    /// An enum value by its name only, in any case. <c>Enum.TryParse</c> also takes numbers and comma lists, and ORs a
    /// list together: <c>late,silent</c> would have read as a third value nobody asked for.
    /// </summary>
    public static bool TryEnum<T>(string? value, out T parsed) where T : struct, System.Enum
    {
        var name = value is null ? null : System.Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        parsed = name is null ? default : System.Enum.Parse<T>(name);
        return name is not null;
    }

    /// <summary>The name a value is spelled with in the API's JSON and query strings (camelCase).</summary>
    public static string Spelling<T>(T value) where T : struct, System.Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>A staff member named in a filter: <c>me</c> or their id; null when the filter is absent.</summary>
    public static Guid? Staff(string? value, ICurrentStaff staff, string name)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return string.IsNullOrWhiteSpace(value) ? null
            : string.Equals(value, "me", StringComparison.OrdinalIgnoreCase) ? staff.RequireStaffId()
            : Guid.TryParse(value, out var id) ? id
            : throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(name, $"Use {name}=me or a staff id.")]);
    }
}
