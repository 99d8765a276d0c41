using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Testcontainers.PostgreSql;

namespace KeyAccount.Api.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL for the integration tests, never an in-memory stand-in. In order of preference:
/// the server named by KEYACCOUNT_TEST_CONNECTION (deploy/test.sh starts one); Testcontainers where a Docker engine
/// answers; otherwise a throwaway cluster started here from the machine's PostgreSQL binaries.
/// Each run gets a fresh database of its own.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private PostgreSqlContainer? _container;
    private string? _clusterDir;
    private string? _pgCtl;
    private string? _adminConnection;

    public string ConnectionString { get; private set; } = string.Empty;

    public string Source { get; private set; } = string.Empty;

    public static async Task<TestDatabase> StartAsync()
    {
        var db = new TestDatabase();
        var configured = Environment.GetEnvironmentVariable("KEYACCOUNT_TEST_CONNECTION");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            db._adminConnection = configured;
            db.Source = "KEYACCOUNT_TEST_CONNECTION";
        }
        else if (DockerAnswers())
        {
            db._container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await db._container.StartAsync().ConfigureAwait(false);
            db._adminConnection = db._container.GetConnectionString();
            db.Source = "Testcontainers";
        }
        else
        {
            db.StartLocalCluster();
            db.Source = "local cluster from the PostgreSQL binaries";
        }

        var name = $"keyaccount_test_{Environment.ProcessId}_{DateTime.UtcNow:HHmmss}";
        await using (var connection = new NpgsqlConnection(db._adminConnection))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        db.ConnectionString = new NpgsqlConnectionStringBuilder(db._adminConnection) { Database = name, IncludeErrorDetail = true }.ConnectionString;
        await TestContext.Progress.WriteLineAsync($"Integration tests run against PostgreSQL ({db.Source}), database {name}").ConfigureAwait(false);
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_container is not null)
        {
            await _container.DisposeAsync().ConfigureAwait(false);
        }
        else if (_adminConnection is not null && _clusterDir is null)
        {
            // A shared server: drop our database.
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync().ConfigureAwait(false);
            var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        if (_clusterDir is not null)
        {
            Run(_pgCtl!, $"-D {_clusterDir}/data -m fast stop", asPostgres: true);
            Directory.Delete(_clusterDir, recursive: true);
        }
    }

    private static bool DockerAnswers()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (string.IsNullOrEmpty(host) && !File.Exists("/var/run/docker.sock"))
        {
            return false;
        }

        try
        {
            var ping = Process.Start(new ProcessStartInfo("docker", "info --format '{{.ServerVersion}}'") { RedirectStandardOutput = true, RedirectStandardError = true });
            return ping is not null && ping.WaitForExit(10_000) && ping.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private void StartLocalCluster()
    {
        var bin = new[] { Environment.GetEnvironmentVariable("PG_BIN") }
            .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")) : [])
            .FirstOrDefault(d => d is not null && File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("No PostgreSQL server binaries found: install them (apt-get install postgresql), set KEYACCOUNT_TEST_CONNECTION, or run a Docker engine.");
        _pgCtl = Path.Combine(bin, "pg_ctl");
        _clusterDir = Path.Combine(Path.GetTempPath(), $"keyaccount-test-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_clusterDir);
        Run("chmod", $"755 {_clusterDir}", asPostgres: false);
        if (Environment.UserName == "root")
        {
            Run("chown", $"postgres {_clusterDir}", asPostgres: false);
        }

        var port = FreePort();
        Run(Path.Combine(bin, "initdb"), $"-D {_clusterDir}/data -U keyaccount --auth=trust -E UTF8 --locale=C.UTF-8", asPostgres: true);
        Run(_pgCtl, $"-D {_clusterDir}/data -l {_clusterDir}/log -w -o \"-p {port} -k {_clusterDir} -c listen_addresses=127.0.0.1 -c fsync=off\" start", asPostgres: true);
        _adminConnection = $"Host=127.0.0.1;Port={port};Database=postgres;Username=keyaccount";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string arguments, bool asPostgres)
    {
        var root = asPostgres && Environment.UserName == "root";
        var info = root
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed: {error}");
        }
    }
}
