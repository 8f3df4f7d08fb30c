using System.Data.Common;
using Dealership.Application.Data;
using Dealership.Application.Notifications;
using Dealership.Application.Parts;
using Dealership.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

/// <summary>Counts the SQL commands the application sends, by kind, while armed.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _selects;
    private int _others;

    public bool Armed { get; set; }

    public int Selects => _selects;

    public int Others => _others;

    public void Reset()
    {
        _selects = 0;
        _others = 0;
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Count(command);
        return base.ReaderExecuted(command, eventData, result);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    private void Count(DbCommand command)
    {
        if (!Armed)
        {
            return;
        }

        var text = command.CommandText.TrimStart();
        if (text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("WITH", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _selects);
        }
        else
        {
            Interlocked.Increment(ref _others);
        }
    }
}

/// <summary>Shortcuts for the service tests: run the planner as the job does, mint a customer's link, read rows.</summary>
public static class ServiceTestKit
{
    /// <summary>A wall-clock time at the Portland demo site in November 2026 (the tests' clock is set in that month), as UTC.</summary>
    public static DateTime Portland(int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, day, hour, minute, 0), TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));

    public static async Task<PlanningReport> PlanAsync(this DealershipApp app, Guid? appointmentId = null)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RunPartsPlanning.Command(appointmentId));
    }

    public static async Task<T> SendAsync<T>(this DealershipApp app, Mediator.ICommand<T> command)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    /// <summary>A tracking link for the customer, as the dispatcher would mint when sending them a message.</summary>
    public static async Task<string> TrackingTokenAsync(this DealershipApp app, Guid customerId)
    {
        var token = TrackingTokens.NewToken();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DealershipDbContext>();
        db.TrackingLinks.Add(new TrackingLink(customerId, null, TrackingTokens.Hash(token), app.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromDays(60)));
        await db.SaveChangesAsync();
        return token;
    }

    public static Task<Guid> CustomerIdAsync(this DealershipApp app, string email) =>
        app.QueryAsync(db => db.Customers.Where(c => c.EmailKey == email).Select(c => c.Id).SingleAsync());

    public static Task<Domain.Service.ServiceAppointment> AppointmentOfAsync(this DealershipApp app, string email) =>
        app.QueryAsync(db => db.Appointments.AsNoTracking().AsSplitQuery()
            .Join(db.Customers.Where(c => c.EmailKey == email), a => a.CustomerId, c => c.Id, (a, c) => a).SingleAsync());
}

public static class ServiceJobs
{
    public static async Task<int> RunServiceRemindersAsync(this DealershipApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Application.Service.ServiceReminders>().RunAsync(CancellationToken.None);
    }
}
