using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KeyAccount.Api.Tests.Infrastructure;

/// <summary>
/// A throwaway Redis on loopback (Debian's <c>redis-server</c>, installed by deploy/test.sh), nothing persisted: the
/// shared counter of the rate limits across replicas.
/// </summary>
public sealed class TestRedis : IDisposable
{
    private readonly Process process;

    private TestRedis(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<TestRedis> StartAsync()
    {
        var server = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: deploy/test.sh installs Debian's redis-server package (apt-get install redis-server).");
        var port = FreePort();
        var info = new ProcessStartInfo(server, $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no --daemonize no --loglevel warning")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(info)!;
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new TestRedis(process, port);
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        process.Kill();
        throw new InvalidOperationException($"redis-server did not listen on {port}: {await process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>A loopback port nobody listens on: a Redis that is down.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(5000);
        }

        process.Dispose();
    }
}
