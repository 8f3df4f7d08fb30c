using PhoneNumbers;

namespace Dealership.Application.Common;

/// <summary>
/// Reads phone numbers as people type them ("(503) 555-0123", "503.555.0123", "+1 503 555 0123") and stores
/// them in E.164. Numbers without a country code are read in the current site's default region.
/// </summary>
public static class PhoneNumberRules
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Returns the E.164 form, or null with a reason the person at the desk can act on.</summary>
    /// <summary>A region libphonenumber can read numbers for (US, CA, MX…), so a site's numbers typed without +country parse.</summary>
    public static bool IsKnownRegion(string? region) => region is { Length: 2 } && Util.GetSupportedRegions().Contains(region.ToUpperInvariant());

    public static string? ToE164(string? input, string defaultRegion, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            problem = "Enter a phone number.";
            return null;
        }

        try
        {
            var number = Util.Parse(input, defaultRegion);
            if (!Util.IsValidNumber(number))
            {
                problem = $"'{input}' is not a valid phone number for region {Util.GetRegionCodeForNumber(number) ?? defaultRegion}. Check the area code and number of digits.";
                return null;
            }

            var type = Util.GetNumberType(number);
            if (type is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
            {
                problem = $"'{input}' is not a mobile number, so it cannot receive text messages.";
                return null;
            }

            return Util.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            problem = $"'{input}' is not a phone number. Use digits, for example (503) 555-0123 or +1 503 555 0123.";
            return null;
        }
    }

    /// <summary>Shows an E.164 number the way people in its country write it.</summary>
    public static string Display(string e164)
    {
        try
        {
            var number = Util.Parse(e164, "US");
            return Util.Format(number, number.CountryCode == 1 ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
