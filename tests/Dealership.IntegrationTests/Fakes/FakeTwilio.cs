using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dealership.IntegrationTests.Fakes;

/// <summary>
/// A local HTTP server that speaks the part of Twilio's Messages API we use: create a message (form post,
/// Basic auth) and list messages filtered by To and DateSent, with Twilio's JSON error shape. Tests queue
/// the replies it should give (429 with 20429, 500, 400 with 21610 or 21211) and read what it accepted.
/// </summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string AuthToken = "test-auth-token-0123456789";

    private readonly ConcurrentQueue<(int Status, int? Code, string Message)> _scripted = new();
    private WebApplication? _app;
    private int _sequence;

    private FakeTwilio(int port)
    {
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<AcceptedMessage> Accepted { get; } = new();

    public int Requests { get; private set; }

    public sealed record AcceptedMessage(string Sid, string To, string From, string Body, string? StatusCallback, DateTime DateSent);

    /// <summary>
    /// Signs a webhook as Twilio does (HMAC-SHA1 over the URL and the ordinally sorted form fields, keyed with
    /// the auth token, base64). Written here from Twilio's documentation, apart from the validator the app uses.
    /// </summary>
    public static string Sign(string url, IReadOnlyDictionary<string, string> parameters, string authToken)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

#pragma warning disable CA5350 // HMAC-SHA1 is what Twilio signs with.
        return Convert.ToBase64String(System.Security.Cryptography.HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    private int _abortNext;

    /// <summary>How long each create-message call takes before Twilio answers: a slow (not down) provider.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Runs as each message is accepted, before Twilio answers (to act at an exact point of a send).</summary>
    public Action<AcceptedMessage>? WhenAccepted { get; set; }

    /// <summary>The next create-message call drops the connection without answering (a network failure mid-request).</summary>
    public void AbortNext() => Interlocked.Exchange(ref _abortNext, 1);

    /// <summary>The next create-message call answers with this error instead of accepting.</summary>
    public void FailNext(int status, int? code, string message) => _scripted.Enqueue((status, code, message));

    public static async Task<FakeTwilio> StartAsync()
    {
        var fake = new FakeTwilio(Loopback.FreePort());
        await fake.ListenAsync();
        return fake;
    }

    /// <summary>An outage: the port stops listening (connection refused) until <see cref="ComeBackAsync"/>.</summary>
    public async Task GoDownAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Listens again on the same port, with everything accepted so far still on record.</summary>
    public Task ComeBackAsync() => _app is null ? ListenAsync() : Task.CompletedTask;

    private async Task ListenAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(BaseUrl);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = this;

        app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", async (string account, HttpRequest request) =>
        {
            fake.Requests++;
            if (!Authorized(request, account))
            {
                return Error(401, 20003, "Authenticate");
            }

            var form = await request.ReadFormAsync();
            if (fake.Delay > TimeSpan.Zero)
            {
                await Task.Delay(fake.Delay);
            }

            if (Interlocked.Exchange(ref fake._abortNext, 0) == 1)
            {
                request.HttpContext.Abort();
                return Results.Empty;
            }

            if (fake._scripted.TryDequeue(out var scripted))
            {
                return Error(scripted.Status, scripted.Code, scripted.Message);
            }

            if (string.IsNullOrEmpty(form["To"]) || string.IsNullOrEmpty(form["Body"]))
            {
                return Error(400, 21602, "Message body is required.");
            }

            var sid = $"SM{Interlocked.Increment(ref fake._sequence):D32}";
            var accepted = new AcceptedMessage(sid, form["To"]!, form["From"].ToString(), form["Body"]!, form["StatusCallback"], DateTime.UtcNow);
            fake.Accepted.Enqueue(accepted);
            fake.WhenAccepted?.Invoke(accepted);
            return Results.Json(new { sid, status = "queued", to = form["To"].ToString(), body = form["Body"].ToString() }, statusCode: 201);
        });

        app.MapGet("/2010-04-01/Accounts/{account}/Messages.json", (string account, HttpRequest request) =>
        {
            if (!Authorized(request, account))
            {
                return Error(401, 20003, "Authenticate");
            }

            var to = request.Query["To"].ToString();
            var messages = fake.Accepted.Where(m => to.Length == 0 || m.To == to)
                .Select(m => new { sid = m.Sid, to = m.To, from = m.From, body = m.Body, date_sent = m.DateSent.ToString("R") });
            // Twilio's 2010 list shape: the page's records plus its own and neighbouring page addresses.
            var self = request.Path + request.QueryString;
            return Results.Json(new { messages, page = 0, page_size = 50, start = 0, end = Math.Max(0, messages.Count() - 1), uri = self.ToString(),
                first_page_uri = self.ToString(), next_page_uri = (string?)null, previous_page_uri = (string?)null });
        });

        await app.StartAsync();
        _app = app;
    }

    public async ValueTask DisposeAsync() => await GoDownAsync();

    private static bool Authorized(HttpRequest request, string account)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        return account == AccountSid && request.Headers.Authorization.ToString() == expected;
    }

    private static IResult Error(int status, int? code, string message) =>
        Results.Json(new { code, message, more_info = $"https://www.twilio.com/docs/errors/{code}", status }, statusCode: status);

}
