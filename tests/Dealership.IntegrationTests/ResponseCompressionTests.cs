using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dealership.IntegrationTests;

/// <summary>
/// What goes out compressed and how long browsers keep it (ADR 0032): style sheets and scripts compressed and kept a
/// year at the address the pages give them; the API's JSON compressed for bearer tokens only; pages and cookie-read
/// JSON never, since they put a customer's details next to what a link's query string chose (BREACH).
/// </summary>
public sealed partial class ResponseCompressionTests : SharedAppTests
{
    [Test]
    public async Task TheStyleSheet_AtTheAddressThePagesGive_IsCompressedAndKeptAYear_AnyOtherAddressIsCheckedEachTime()
    {
        using var browser = App.CreateClient();
        var login = await browser.GetStringAsync("/login");
        var address = StyleSheet().Match(login);
        Assert.That(address.Success, Is.True, "the sign-in page links its style sheet with a version");

        using var current = await GetAsync(browser, address.Value, "br, gzip");
        Assert.That(current.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(current.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=31536000, immutable"));
        Assert.That(current.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "gzip" }), "gzip, whatever else the browser takes");
        Assert.That(current.Headers.Vary, Does.Contain("Accept-Encoding"));
        using var plain = await GetAsync(browser, address.Value, null);
        var original = await plain.Content.ReadAsByteArrayAsync();
        Assert.That(plain.Content.Headers.ContentEncoding, Is.Empty, "a client that cannot decompress gets the file as it is");
        var compressed = await current.Content.ReadAsByteArrayAsync();
        Assert.That(Gunzip(compressed), Is.EqualTo(original), "the same style sheet, byte for byte");
        Assert.That(compressed, Has.Length.LessThan(original.Length / 2), "and much smaller");

        foreach (var other in new[] { "/css/site.css?v=an-old-version", "/css/site.css" })
        {
            using var stale = await GetAsync(browser, other, "gzip");
            Assert.That(stale.Headers.CacheControl?.ToString(), Is.EqualTo("no-cache"), $"{other} may have changed since: the browser asks again");
            Assert.That(stale.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "gzip" }));
        }
    }

    [Test]
    public async Task ApiJson_IsCompressedForABearerToken_NotForASignInCookie_AndPagesNever()
    {
        using var api = await App.ManagerAsync();
        using var uncompressed = await GetAsync(api, "/api/customers?search=a", null);
        using var compressed = await GetAsync(api, "/api/customers?search=a", "gzip");
        Assert.That(compressed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(compressed.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "gzip" }), "a bearer token cannot be sent by another site's page");
        var json = Gunzip(await compressed.Content.ReadAsByteArrayAsync());
        Assert.That(JsonDocument.Parse(json).RootElement.GetRawText(), Is.EqualTo(JsonDocument.Parse(await uncompressed.Content.ReadAsByteArrayAsync()).RootElement.GetRawText()),
            "the same answer once decompressed");

        var (pages, _) = await App.SignInToPagesAsync("manager@demo.local");
        using (pages)
        {
            using var cookieJson = await GetAsync(pages, "/api/customers?search=a", "br, gzip");
            Assert.That(cookieJson.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the cookie reads the API too");
            Assert.That(cookieJson.Content.Headers.ContentEncoding, Is.Empty, "another site's link can make a browser send the cookie");

            using var page = await GetAsync(pages, "/?q=a", "br, gzip");
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(page.Content.Headers.ContentEncoding, Is.Empty, "pages carry customers' details next to the query string's text");
        }
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await client.SendAsync(request);
    }

    private static byte[] Gunzip(byte[] body)
    {
        using var input = new MemoryStream(body);
        using var decoder = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex("/css/site\\.css\\?v=[A-Za-z0-9_-]+")]
    private static partial Regex StyleSheet();
}
