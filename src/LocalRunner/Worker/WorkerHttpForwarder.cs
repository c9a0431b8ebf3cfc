using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Pilot.LocalRunner.Http;
using Pilot.LocalRunner.Worker.Protocol;
using Yarp.ReverseProxy.Forwarder;

namespace Pilot.LocalRunner.Worker;

/// <summary>
/// An HTTP function call the way the host makes it with the ASP.NET Core integration: the request is forwarded to the
/// worker's HttpUri with <c>x-ms-invocation-id</c> while the InvocationRequest (route values as trigger metadata) goes
/// over gRPC; the worker pairs the two. A failed invocation is answered with 500 here, as the host answers.
/// </summary>
internal sealed class WorkerHttpForwarder(WorkerInvoker invoker, IHttpForwarder forwarder)
{
    public const string InvocationHeader = "x-ms-invocation-id";

    private static readonly HttpMessageInvoker Client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ActivityHeadersPropagator = null,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    });

    private static readonly ForwarderRequestConfig RequestConfig = new()
    {
        ActivityTimeout = TimeSpan.FromMinutes(5),
        Version = HttpVersion.Version11,
        VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
    };

    /// <exception cref="FunctionInvocationException">The function failed before its answer began (the caller answers 500).</exception>
    /// <exception cref="WorkerGoneException">The worker died before its answer began.</exception>
    public async Task ForwardAsync(HttpFunction function, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(context);
        var run = await invoker.Supervisor.ReadyAsync(context.RequestAborted);
        var invocationId = Guid.NewGuid().ToString();
        var metadata = context.Request.RouteValues
            .Where(r => r.Value is not null)
            .ToDictionary(r => r.Key, r => new TypedData { String = Convert.ToString(r.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "" }, StringComparer.Ordinal);
        var http = new RpcHttp { Method = context.Request.Method, Url = context.Request.GetDisplayUrl() };
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var invocation = invoker.InvokeAsync(function.Method.Name, _ => new TypedData { Http = http }, metadata, invocationId, giveUp.Token);

        using var forwarding = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var transformer = new InvocationTransformer(invocationId, invocation);
        var forward = forwarder.SendAsync(context, run.HttpUri!, Client, RequestConfig, transformer, forwarding.Token).AsTask();

        if (await Task.WhenAny(invocation, forward) == invocation && !invocation.IsCompletedSuccessfully && !context.Response.HasStarted)
        {
            // Failed before the worker answered: stop forwarding and let the caller answer as the host does.
            await forwarding.CancelAsync();
            await forward;
            await invocation;
        }

        var error = await forward;
        if (error != ForwarderError.None && !context.Response.HasStarted)
        {
            // The request never reached the worker's function (it was restarting, say): the invocation cannot pair up.
            await giveUp.CancelAsync();
            try
            {
                await invocation;
            }
            catch (Exception ex) when (ex is OperationCanceledException or FunctionInvocationException or WorkerGoneException)
            {
                // Its outcome changes nothing: the request failed.
            }

            throw new WorkerGoneException(
                $"Forwarding the request to the worker at {run.HttpUri} failed ({error}).",
                context.Features.Get<IForwarderErrorFeature>()?.Exception ?? new IOException(error.ToString()));
        }

        // A failure after the answer began, or one the worker answered 5xx for, surfaces here.
        await invocation;
    }

    /// <summary>Adds the invocation id; holds back a 5xx answer until the invocation says whether it failed.</summary>
    private sealed class InvocationTransformer(string invocationId, Task invocation) : HttpTransformer
    {
        private static readonly TimeSpan FailureWait = TimeSpan.FromSeconds(15);

        public bool InvocationFailed { get; private set; }

        public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
            proxyRequest.Headers.TryAddWithoutValidation(InvocationHeader, invocationId);
        }

        public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
        {
            if (proxyResponse is { StatusCode: >= HttpStatusCode.InternalServerError })
            {
                // Only a 5xx waits: a success may be a body the function is still writing, and waiting would stall it.
                try
                {
                    await invocation.WaitAsync(FailureWait, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    InvocationFailed = !invocation.IsCompletedSuccessfully;
                }

                if (InvocationFailed)
                {
                    return false;
                }
            }

            return await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        }
    }
}
