using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Dealership.Application.Notifications;

/// <summary>
/// Tokens for customers' tracking links: 160 random bits, URL-safe; only SHA-256 hashes are stored, so a
/// database leak does not open anyone's page. Sent copies keep the link masked.
/// </summary>
public static partial class TrackingTokens
{
    public const string Mask = "******";

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(20));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// The hashes of every tracking token found in a text, whatever the address around it (used to recognise
    /// a message we sent): a token is 27 URL-safe characters standing alone after a slash.
    /// </summary>
    public static IEnumerable<string> HashesIn(string text) => TokenInLink().Matches(text).Select(m => Hash(m.Groups[1].Value));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex(@"/([A-Za-z0-9_\-]{27})(?![A-Za-z0-9_\-])")]
    private static partial Regex TokenInLink();
}
