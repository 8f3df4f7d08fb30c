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

        if (System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed))
        {
            return parsed;
        }

        var allowed = string.Join(", ", System.Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName));
        throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(name, $"'{value}' is not a valid {name}. Use one of: {allowed}.")]);
    }

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
