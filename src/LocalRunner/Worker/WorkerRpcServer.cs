using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pilot.LocalRunner.Worker;

/// <summary>
/// The gRPC endpoint workers connect to: HTTP/2 without TLS on a free loopback port, apart from the runner's HTTP
/// endpoint so the app's callers never see it.
/// </summary>
internal static class WorkerRpcServer
{
    public static async Task<(WebApplication Server, Uri Endpoint)> StartAsync(WorkerSupervisor supervisor, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(supervisor);
        builder.Services.AddGrpc(grpc =>
        {
            // The worker is told the same limit (Functions:Worker:GrpcMaxMessageLength), as the host does.
            grpc.MaxReceiveMessageSize = int.MaxValue;
            grpc.MaxSendMessageSize = int.MaxValue;
        });
        var server = builder.Build();
        server.MapGrpcService<WorkerRpcService>();
        await server.StartAsync(cancellationToken);
        var address = server.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (server, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }
}
