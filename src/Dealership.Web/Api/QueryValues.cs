using System.Text.Json;

namespace Dealership.Web.Api;

/// <summary>Reads enum values in query strings the way JSON spells them (camelCase, e.g. <c>?status=dead</c>).</summary>
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
}
