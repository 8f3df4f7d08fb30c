using FluentValidation;

namespace Dealership.Application.Sites;

/// <summary>The rules a site's market settings follow, whether the site is being opened or changed.</summary>
internal static class SiteRules
{
    public static IRuleBuilderOptions<T, string> TimeZone<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Must(z => TimeZoneInfo.TryFindSystemTimeZoneById(z ?? "", out _)).WithMessage("Give an IANA time zone, like America/Los_Angeles.");

    public static IRuleBuilderOptions<T, string> CurrencyCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches("^[A-Z]{3}$").WithMessage("An ISO 4217 currency code in capitals, like USD.");

    public static IRuleBuilderOptions<T, string> PhoneRegion<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(Common.PhoneNumberRules.IsKnownRegion).WithMessage("A two-letter region for phone numbers, like US or CA.");

    /// <summary>At least one, each a language the messages are written in.</summary>
    public static void MessageLanguages<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) =>
        rule.NotEmpty().WithMessage("List the languages messages go out in, the default first (for example [\"en\", \"es\"]).")
            .ForEach(language => language.Must(l => Notifications.Templates.TemplateCatalog.Languages.Contains(l)).WithMessage(
                $"Messages are written in {string.Join(" and ", Notifications.Templates.TemplateCatalog.Languages)}; choose among those."));
}
