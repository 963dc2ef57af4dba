namespace InteropTestsServer;

/// <summary>The command line of the interop server: the flags of grpc's interop-test-descriptions.md, "Server".</summary>
public sealed class InteropServerOptions
{
    /// <summary>The port to listen on (127.0.0.1). 0 picks a free port, printed as <c>Listening on port N</c>. Defaults to 0.</summary>
    public int Port { get; private set; }

    /// <summary>Whether to serve TLS (ALPN h2) with a self-signed certificate made at start-up. Defaults to false (h2c).</summary>
    public bool UseTls { get; private set; }

    /// <summary>Where to write the certificate as PEM (public part only) so peers can trust it. Defaults to null.</summary>
    public string? TlsCertOut { get; private set; }

    /// <summary>
    /// Parses <c>--name=value</c> or <c>--name value</c> flags and reports every bad one at once.
    /// Unknown flags are errors, so a typo never silently runs a different configuration.
    /// </summary>
    public static InteropServerOptions Parse(string[] args)
    {
        var options = new InteropServerOptions();
        var errors = new List<string>();
        foreach (var (name, value) in CommandLine.Split(args, errors))
        {
            switch (name)
            {
                case "port" when int.TryParse(value, out var port) && port is >= 0 and <= 65535:
                    options.Port = port;
                    break;
                case "use_tls" when bool.TryParse(value, out var useTls):
                    options.UseTls = useTls;
                    break;
                case "tls_cert_out" when !string.IsNullOrEmpty(value):
                    options.TlsCertOut = value;
                    break;
                default:
                    errors.Add($"--{name}={value} is not valid (expected --port=N, --use_tls=true|false, --tls_cert_out=PATH).");
                    break;
            }
        }

        if (options.TlsCertOut is not null && !options.UseTls)
        {
            errors.Add("--tls_cert_out needs --use_tls=true.");
        }

        return errors.Count == 0 ? options : throw new ArgumentException(string.Join(Environment.NewLine, errors));
    }
}
