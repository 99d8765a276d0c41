using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace KeyAccount.Infrastructure.Email;

/// <summary>Hands a message over: to an SMTP server, or (without one) to a pickup folder.</summary>
public interface IMailTransport
{
    /// <summary>Where messages go, for the log and the start-up banner.</summary>
    string Describe { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>A refusal that retrying will not change (an SMTP 5xx, a bad address): the message is given up at once.</summary>
public sealed class PermanentMailFailureException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Writes each message as an RFC 5322 <c>.eml</c> file (any mail client opens it). Written to a temporary name and
/// renamed, so a reader never sees half a message.
/// </summary>
public sealed class PickupDirectoryTransport(string directory) : IMailTransport
{
    public string Describe => "pickup folder " + directory;

    public string Directory => directory;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        System.IO.Directory.CreateDirectory(directory);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml";
        var temp = Path.Combine(directory, "." + name + ".tmp");
        await message.WriteToAsync(temp, cancellationToken).ConfigureAwait(false);
        File.Move(temp, Path.Combine(directory, name), overwrite: true);
    }
}

/// <summary>
/// Sends through an SMTP server with MailKit, inside a Polly pipeline: a timeout per attempt and up to three quick
/// retries with exponential backoff for transient failures (connection refused or dropped, SMTP 4xx). What is still
/// failing after that is retried later by the queue (minutes to hours); an SMTP 5xx is permanent.
/// </summary>
public sealed class SmtpMailTransport : IMailTransport, IDisposable
{
    private readonly SmtpOptions _options;
    private readonly ResiliencePipeline _pipeline;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;

    public SmtpMailTransport(IOptions<MailOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Smtp;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            })
            .AddTimeout(TimeSpan.FromSeconds(Math.Max(1, _options.TimeoutSeconds)))
            .Build();
    }

    public string Describe => $"SMTP {_options.Host}:{_options.Port}";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _pipeline.ExecuteAsync(
                async ct =>
                {
                    try
                    {
                        var client = await ConnectedAsync(ct).ConfigureAwait(false);
                        await client.SendAsync(message, ct).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        // The connection's state is unknown after a failure: the next attempt starts on a new one.
                        Drop();
                        if (e is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 } refused)
                        {
                            throw new PermanentMailFailureException($"The server refused the message ({(int)refused.StatusCode} {refused.ErrorCode}).", e);
                        }

                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true })
        {
            return _client;
        }

        Drop();
        var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(Math.Max(1, _options.TimeoutSeconds)).TotalMilliseconds };
        var security = _options.Security.ToUpperInvariant() switch
        {
            "NONE" => SecureSocketOptions.None,
            "STARTTLS" => SecureSocketOptions.StartTls,
            "SSLONCONNECT" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(_options.Host ?? "localhost", _options.Port, security, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(_options.Username))
        {
            await client.AuthenticateAsync(_options.Username, _options.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        _client = client;
        return client;
    }

    private void Drop()
    {
        var client = _client;
        _client = null;
        if (client is not null)
        {
            try
            {
                if (client.IsConnected)
                {
                    client.Disconnect(quit: false);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ServiceNotConnectedException or SmtpProtocolException)
            {
                // Already gone.
            }

            client.Dispose();
        }
    }

    private static bool IsTransient(Exception e) => e switch
    {
        PermanentMailFailureException => false,
        SmtpCommandException c => (int)c.StatusCode is >= 400 and < 500,
        SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or TimeoutRejectedException => true,
        _ => false,
    };

    public void Dispose()
    {
        Drop();
        _gate.Dispose();
    }
}
