using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Dealership.Web.Security;

/// <summary>
/// The key that signs API bearer tokens. Production must supply Auth:SigningKey (base64, at least 32 bytes)
/// from a secret store and refuses to start without one. Development generates one on first run into the
/// data folder, so a fresh clone works with no set-up and no secret ever lives in the repository.
/// </summary>
public static class SigningKey
{
    private const int MinimumBytes = 32;

    public static SymmetricSecurityKey Load(IConfiguration configuration, IWebHostEnvironment environment, string dataDirectory)
    {
        var configured = configuration["Auth:SigningKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return FromBase64(configured, "Auth:SigningKey");
        }

        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            throw new Hosting.ConfigurationProblemException(
                "Auth:SigningKey is not set. Outside Development the token-signing key must come from configuration " +
                "(for example the environment variable Auth__SigningKey with 32+ random bytes in base64).");
        }

        var path = Path.Combine(dataDirectory, "signing-key.txt");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
        }

        return FromBase64(File.ReadAllText(path).Trim(), path);
    }

    private static SymmetricSecurityKey FromBase64(string value, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            throw new Hosting.ConfigurationProblemException($"The signing key in {source} is not valid base64.");
        }

        return bytes.Length < MinimumBytes
            ? throw new Hosting.ConfigurationProblemException($"The signing key in {source} is too short: use at least {MinimumBytes} random bytes.")
            : new SymmetricSecurityKey(bytes);
    }
}
