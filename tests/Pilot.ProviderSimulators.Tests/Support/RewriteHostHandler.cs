namespace Pilot.ProviderSimulators.Tests.Support;

/// <summary>Sends a request meant for a provider's fixed host to the simulator instead, keeping path and query.</summary>
internal sealed class RewriteHostHandler : DelegatingHandler
{
    private readonly Uri _target;

    public RewriteHostHandler(Uri target)
        : base(new SocketsHttpHandler())
    {
        _target = target;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri!;
        request.RequestUri = new UriBuilder(original) { Scheme = _target.Scheme, Host = _target.Host, Port = _target.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
