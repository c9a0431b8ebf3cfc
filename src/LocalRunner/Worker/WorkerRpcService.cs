using Grpc.Core;
using Pilot.LocalRunner.Worker.Protocol;

namespace Pilot.LocalRunner.Worker;

/// <summary>The host end of <c>FunctionRpc.EventStream</c>: a worker opens it with StartStream naming the id it was started with.</summary>
internal sealed class WorkerRpcService(WorkerSupervisor supervisor) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(context);
        if (!await requestStream.MoveNext(context.CancellationToken)
            || requestStream.Current.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            return;
        }

        // A worker this runner did not start (or one started earlier and given up on) is not served.
        if (supervisor.Attach(requestStream.Current.StartStream.WorkerId) is not { } connection)
        {
            return;
        }

        await connection.RunAsync(requestStream, responseStream, context.CancellationToken);
    }
}
