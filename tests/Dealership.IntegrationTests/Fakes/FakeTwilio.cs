using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
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

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, int? Code, string Message)> _scripted = new();
    private int _sequence;

    private FakeTwilio(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<AcceptedMessage> Accepted { get; } = new();

    public int Requests { get; private set; }

    public sealed record AcceptedMessage(string Sid, string To, string From, string Body, string? StatusCallback, DateTime DateSent);

    /// <summary>The next create-message call answers with this error instead of accepting.</summary>
    public void FailNext(int status, int? code, string message) => _scripted.Enqueue((status, code, message));

    public static async Task<FakeTwilio> StartAsync()
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTwilio(app, $"http://127.0.0.1:{port}");

        app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", async (string account, HttpRequest request) =>
        {
            fake.Requests++;
            if (!Authorized(request, account))
            {
                return Error(401, 20003, "Authenticate");
            }

            var form = await request.ReadFormAsync();
            if (fake._scripted.TryDequeue(out var scripted))
            {
                return Error(scripted.Status, scripted.Code, scripted.Message);
            }

            if (string.IsNullOrEmpty(form["To"]) || string.IsNullOrEmpty(form["Body"]))
            {
                return Error(400, 21602, "Message body is required.");
            }

            var sid = $"SM{Interlocked.Increment(ref fake._sequence):D32}";
            fake.Accepted.Enqueue(new AcceptedMessage(sid, form["To"]!, form["From"].ToString(), form["Body"]!, form["StatusCallback"], DateTime.UtcNow));
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
            return Results.Json(new { messages, page = 0, page_size = 50 });
        });

        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static bool Authorized(HttpRequest request, string account)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        return account == AccountSid && request.Headers.Authorization.ToString() == expected;
    }

    private static IResult Error(int status, int? code, string message) =>
        Results.Json(new { code, message, more_info = $"https://www.twilio.com/docs/errors/{code}", status }, statusCode: status);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
