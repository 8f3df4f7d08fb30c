using System.Globalization;

namespace Dealership.Domain.Customers;

/// <summary>What a VIN tells without a network: its maker (from the WMI table shipped with the app) and its possible model years.</summary>
public sealed record VinFacts(string Vin, bool CheckDigitVerified, string? Manufacturer, IReadOnlyList<string> Makes, IReadOnlyList<int> ModelYears)
{
    /// <summary>Where the declared year and make disagree with the VIN, in words staff act on; empty when they agree (or the VIN cannot say).</summary>
    public IReadOnlyList<string> Mismatches(int declaredYear, string declaredMake)
    {
        var found = new List<string>();
        if (ModelYears.Count > 0 && !ModelYears.Contains(declaredYear))
        {
            found.Add($"The VIN's 10th character says model year {string.Join(" or ", ModelYears)}, not {declaredYear.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (Makes.Count > 0 && !Makes.Any(m => string.Equals(m, declaredMake?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            found.Add($"The VIN was issued to {Manufacturer} ({string.Join(", ", Makes)}), not {declaredMake}.");
        }

        return found;
    }
}

/// <summary>
/// Offline VIN decoding within what the rules allow (49 CFR 565): the check digit (North America), the model
/// year from position 10 (a 30-year cycle; for North-American light vehicles position 7 tells the cycle: a
/// letter means 2010–2039, a digit 1980–2009), and the manufacturer from the world manufacturer identifier
/// (positions 1–3) in the table shipped as a resource. Nothing here guesses the model or trim.
/// </summary>
public static class VinDecoder
{
    private const string YearCodes = "ABCDEFGHJKLMNPRSTVWXY123456789";

    private static readonly Lazy<Dictionary<string, (string Manufacturer, string[] Makes)>> Table = new(Load);

    public static VinFacts Decode(string vin)
    {
        ArgumentNullException.ThrowIfNull(vin);
        var normalized = Vin.Normalize(vin, out _) ?? throw new ArgumentException("Not a valid VIN.", nameof(vin));
        var table = Table.Value;
        var wmi = normalized[..3];
        // Small makers share a WMI ending in 9 and carry their own code in positions 12-14; the table lists the shared prefix.
        var entry = table.TryGetValue(wmi, out var found) ? found : table.TryGetValue(normalized[..2] + "*", out var family) ? family : default;
        return new VinFacts(normalized, Vin.ClaimsNorthAmericanCheckDigit(normalized), entry.Manufacturer, entry.Makes ?? [], ModelYears(normalized));
    }

    public static IReadOnlyList<int> ModelYears(string vin)
    {
        ArgumentNullException.ThrowIfNull(vin);
        var index = YearCodes.IndexOf(vin[9], StringComparison.Ordinal);
        if (index < 0)
        {
            return [];
        }

        var early = 1980 + index;
        var late = early + 30;
        if (Vin.ClaimsNorthAmericanCheckDigit(vin))
        {
            return [char.IsAsciiLetter(vin[6]) ? late : early];
        }

        return [early, late];
    }

    private static Dictionary<string, (string, string[])> Load()
    {
        using var stream = typeof(VinDecoder).Assembly.GetManifestResourceStream("Dealership.Domain.Customers.wmi.csv")
            ?? throw new InvalidOperationException("The WMI table is missing from the build.");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<string, (string, string[])>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split(',');
            table[parts[0]] = (parts[1], parts[2].Split('|'));
        }

        return table;
    }
}
