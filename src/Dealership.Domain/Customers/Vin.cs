namespace Dealership.Domain.Customers;

/// <summary>
/// Vehicle Identification Number rules (ISO 3779 / 49 CFR 565): 17 characters, digits and capital letters
/// without I, O or Q (they read like 1 and 0). VINs for North America (first character 1-5) carry a check
/// digit in position 9 that we verify, so a typo is caught at the counter rather than at registration.
/// </summary>
public static class Vin
{
    public const int Length = 17;

    private static readonly int[] Weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    /// <summary>Normalises (trim, upper case) and validates. Returns null and an explanation when invalid.</summary>
    public static string? Normalize(string? input, out string? problem)
    {
        problem = null;
        var vin = (input ?? "").Trim().ToUpperInvariant();
        if (vin.Length != Length)
        {
            problem = $"A VIN has exactly 17 characters; this one has {vin.Length}.";
            return null;
        }

        foreach (var c in vin)
        {
            if (c is 'I' or 'O' or 'Q')
            {
                problem = $"A VIN never contains the letters I, O or Q (found '{c}'); check for 1 or 0.";
                return null;
            }

            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
            {
                problem = $"A VIN contains only letters and digits (found '{c}').";
                return null;
            }
        }

        if (ClaimsNorthAmericanCheckDigit(vin))
        {
            var expected = ComputeCheckDigit(vin);
            if (vin[8] != expected)
            {
                problem = $"The check digit (9th character) should be '{expected}' for this VIN; one of the characters was probably mistyped.";
                return null;
            }
        }

        return vin;
    }

    public static bool IsValid(string? input) => Normalize(input, out _) is not null;

    /// <summary>North-American VINs start with 1-5 (United States, Canada, Mexico) and always carry a check digit.</summary>
    public static bool ClaimsNorthAmericanCheckDigit(string vin) => vin.Length > 0 && vin[0] is >= '1' and <= '5';

    /// <summary>The check digit for a 17-character VIN (position 9 is ignored in the sum).</summary>
    public static char ComputeCheckDigit(string vin)
    {
        ArgumentNullException.ThrowIfNull(vin);
        if (vin.Length != Length)
        {
            throw new ArgumentException("A VIN has 17 characters.", nameof(vin));
        }

        var sum = 0;
        for (var i = 0; i < Length; i++)
        {
            sum += Transliterate(vin[i]) * Weights[i];
        }

        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }

    private static int Transliterate(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        'A' or 'J' => 1,
        'B' or 'K' or 'S' => 2,
        'C' or 'L' or 'T' => 3,
        'D' or 'M' or 'U' => 4,
        'E' or 'N' or 'V' => 5,
        'F' or 'W' => 6,
        'G' or 'P' or 'X' => 7,
        'H' or 'Y' => 8,
        'R' or 'Z' => 9,
        _ => 0,
    };
}
