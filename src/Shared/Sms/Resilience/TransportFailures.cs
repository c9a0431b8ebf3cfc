using System.Net.Http;
using System.Net.Sockets;

namespace Pilot.Shared.Sms.Resilience;

/// <summary>Tells a request that never left (safe to repeat anywhere) from one that may have reached the provider.</summary>
public static class TransportFailures
{
    /// <summary>
    /// True when the failure happened before the request could have been sent: the name did not
    /// resolve, the connection was refused or unreachable, or TLS failed. Anything else (a reset or
    /// a timeout after the connection was open, a response cut short) may mean the provider got it.
    /// </summary>
    public static bool RequestNeverSent(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError })
            {
                return true;
            }

            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A transport failure (HTTP client error, socket, I/O or a timeout's cancellation) rather than a bug.</summary>
    public static bool IsTransport(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or SocketException or IOException or OperationCanceledException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A Retry-After header as a delay from now: seconds, or an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(time);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
