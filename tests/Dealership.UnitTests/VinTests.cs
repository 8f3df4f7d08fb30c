using Dealership.Domain.Customers;

namespace Dealership.UnitTests;

public sealed class VinTests
{
    [TestCase("1HGCM82633A004352")]
    [TestCase("11111111111111111")]
    [TestCase(" 1hgcm82633a004352 ")]
    public void Normalize_AcceptsValidNorthAmericanVins(string input)
    {
        Assert.That(Vin.Normalize(input, out var problem), Is.EqualTo(input.Trim().ToUpperInvariant()));
        Assert.That(problem, Is.Null);
    }

    [Test]
    public void Normalize_WhenCheckDigitWrong_SaysWhichDigitIsExpected()
    {
        Assert.That(Vin.Normalize("1HGCM82653A004352", out var problem), Is.Null);
        Assert.That(problem, Does.Contain("check digit").And.Contain("'3'"));
    }

    [TestCase("1HGCM82633A00435", "exactly 17")]
    [TestCase("1HGCM82633A0043521", "exactly 17")]
    [TestCase("1HGCM8263OA004352", "I, O or Q")]
    [TestCase("1HGCM82633A00435-", "only letters and digits")]
    public void Normalize_RejectsMalformedVins(string input, string expected)
    {
        Assert.That(Vin.Normalize(input, out var problem), Is.Null);
        Assert.That(problem, Does.Contain(expected));
    }

    [Test]
    public void Normalize_WhenVinIsNotNorthAmerican_DoesNotRequireCheckDigit()
    {
        // A European VIN (W = Germany) need not carry a check digit in position 9.
        Assert.That(Vin.Normalize("WVWZZZ1JZXW000001", out _), Is.EqualTo("WVWZZZ1JZXW000001"));
    }

    [Test]
    public void ComputeCheckDigit_UsesXForRemainderTen()
    {
        var vin = "1M8GDM9A_KP042788".Replace('_', '0');
        Assert.That(Vin.ComputeCheckDigit(vin), Is.EqualTo('X'));
    }
}
