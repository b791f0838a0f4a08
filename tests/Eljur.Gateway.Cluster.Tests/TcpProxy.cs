using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Eljur.Gateway.Cluster.Tests;

/// <summary>
/// A loopback TCP relay between one node and the database. <see cref="Kill"/> is that node's death as the
/// database sees it: every connection is reset at once and no new one gets through (the server rolls back
/// the node's transactions and drops its locks; the node stops checking in).
/// </summary>
internal sealed class TcpProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _host;
    private readonly int _port;
    private readonly ConcurrentBag<Socket> _sockets = new();
    private volatile bool _dead;

    public TcpProxy(string host, int port)
    {
        _host = host;
        _port = port;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Kill()
    {
        _dead = true;
        _listener.Stop();
        foreach (var socket in _sockets)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0); // reset, as a dead host's kernel would
                socket.Close();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
            }
        }
    }

    public void Dispose() => Kill();

    private async Task AcceptAsync()
    {
        while (!_dead)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await server.ConnectAsync(_host, _port).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                client.Close();
                continue;
            }

            _sockets.Add(client);
            _sockets.Add(server);
            if (_dead)
            {
                Kill();
                return;
            }

            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16384];
        try
        {
            while (true)
            {
                var n = await from.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false);
                if (n == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            try
            {
                to.Close();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
