using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pilot.LocalRunner.Worker;
using Pilot.Shared.WfiInvitations.Choosing;

namespace Pilot.LocalRunner.Http;

/// <summary>Answers the requests routed to one HTTP function, the way the ASP.NET Core integration does.</summary>
internal sealed partial class HttpFunctionEndpoint(HttpFunction function, ILogger<HttpFunctionEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var authorization = context.RequestServices.GetRequiredService<IHttpFunctionAuthorization>();
        if (await authorization.AuthorizeAsync(context, function.Method.Name, function.AuthLevel) is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            if (context.RequestServices.GetService<WorkerHttpForwarder>() is { } worker)
            {
                await worker.ForwardAsync(function, context);
            }
            else
            {
                // A route value that does not convert fails the invocation (500), as it does in the worker. The
                // request's DI scope is the invocation's scope.
                var result = await function.Method.InvokeAsync(context.RequestServices, function.BindArguments(context));
                await WriteAsync(context, result);
            }

            LogSucceeded(function.Method.Name, context.Request.Method, LoggedPath(context), context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            LogAborted(function.Method.Name, context.Request.Method, LoggedPath(context));
        }
        catch (WorkerGoneException ex) when (!context.Response.HasStarted)
        {
            // The worker died (or was restarting) before it answered: the host has no app to run the request on for a
            // moment, as Azure's front end has none while an instance restarts. The caller is told to come back.
            LogWorkerGone(ex, function.Method.Name, context.Request.Method, LoggedPath(context));
            context.Response.Clear();
            context.Response.Headers.RetryAfter = "5";
            await Results.Problem(
                    title: "The app is restarting.",
                    detail: "The function app's worker process is restarting; nothing was done. Try again after the Retry-After interval.",
                    statusCode: StatusCodes.Status503ServiceUnavailable)
                .ExecuteAsync(context);
        }
        catch (Exception ex)
        {
            LogFailed(ex, function.Method.Name, context.Request.Method, LoggedPath(context), context.TraceIdentifier);
            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }

            context.Response.Clear();
            await Results.Problem(
                    title: "The function failed.",
                    detail: $"Function '{function.Method.Name}' threw an unhandled exception; the runner's log has the details.",
                    statusCode: StatusCodes.Status500InternalServerError,
                    extensions: new Dictionary<string, object?> { ["traceId"] = context.TraceIdentifier })
                .ExecuteAsync(context);
        }
    }

    /// <summary>The request path as logged: a choice link's token (a bearer credential) cut back to its reference.</summary>
    private static string LoggedPath(HttpContext context) => ChoiceLinkRedaction.Redact(context.Request.Path.ToString());

    private static Task WriteAsync(HttpContext context, object? result) => result switch
    {
        IActionResult action => action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())),
        IResult http => http.ExecuteAsync(context),

        // void/Task functions (and a null result) have written the response themselves.
        _ => Task.CompletedTask,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed '{Function}' (Succeeded, {Method} {Path} -> {StatusCode}, Duration={DurationMs:0}ms)")]
    private partial void LogSucceeded(string function, string method, string path, int statusCode, double durationMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed '{Function}' (Cancelled, {Method} {Path}): the client went away")]
    private partial void LogAborted(string function, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Executed '{Function}' (Failed, {Method} {Path}): the worker went away before it answered; answered 503 with Retry-After")]
    private partial void LogWorkerGone(Exception exception, string function, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Executed '{Function}' (Failed, {Method} {Path}, TraceId={TraceId}); answered 500")]
    private partial void LogFailed(Exception exception, string function, string method, string path, string traceId);
}
