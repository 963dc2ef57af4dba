namespace InteropTestsClient;

/// <summary>The command line of the interop client: the flags of grpc's interop-test-descriptions.md, "Client".</summary>
public sealed class InteropClientOptions
{
    /// <summary>The server host to connect to. Defaults to 127.0.0.1.</summary>
    public string ServerHost { get; private set; } = "127.0.0.1";

    /// <summary>The server port. Required.</summary>
    public int ServerPort { get; private set; }

    /// <summary>The host claimed in TLS (SNI and name check) and :authority; defaults to <see cref="ServerHost"/>.</summary>
    public string? ServerHostOverride { get; private set; }

    /// <summary>The test case to run, for example <c>large_unary</c>. Required.</summary>
    public string TestCase { get; private set; } = "";

    /// <summary>Whether to connect with TLS (ALPN h2). Defaults to false (h2c).</summary>
    public bool UseTls { get; private set; }

    /// <summary>
    /// Whether to trust a test CA instead of the platform roots. grpc's ca.pem is not shipped here, so this needs
    /// <see cref="TlsCaFile"/>. Defaults to false.
    /// </summary>
    public bool UseTestCa { get; private set; }

    /// <summary>A PEM certificate to trust as the server's root (a self-signed test certificate). Defaults to null.</summary>
    public string? TlsCaFile { get; private set; }

    /// <summary>Iterations of rpc_soak and channel_soak. Defaults to 10 (grpc's own default is 10 too).</summary>
    public int SoakIterations { get; private set; } = 10;

    /// <summary>Parses <c>--name=value</c> flags and reports every bad one at once.</summary>
    public static InteropClientOptions Parse(string[] args)
    {
        var options = new InteropClientOptions();
        var errors = new List<string>();
        foreach (var (name, value) in CommandLine.Split(args, errors))
        {
            switch (name)
            {
                case "server_host" when value.Length > 0:
                    options.ServerHost = value;
                    break;
                case "server_port" when int.TryParse(value, out var port) && port is > 0 and <= 65535:
                    options.ServerPort = port;
                    break;
                case "server_host_override" when value.Length > 0:
                    options.ServerHostOverride = value;
                    break;
                case "test_case" when value.Length > 0:
                    options.TestCase = value;
                    break;
                case "use_tls" when bool.TryParse(value, out var useTls):
                    options.UseTls = useTls;
                    break;
                case "use_test_ca" when bool.TryParse(value, out var useTestCa):
                    options.UseTestCa = useTestCa;
                    break;
                case "tls_ca_file" when value.Length > 0:
                    options.TlsCaFile = value;
                    break;
                case "soak_iterations" when int.TryParse(value, out var iterations) && iterations > 0:
                    options.SoakIterations = iterations;
                    break;
                case "default_service_account" or "oauth_scope" or "service_account_key_file":
                    // Cloud-credential flags: accepted for compatibility; their test cases are not implemented.
                    break;
                default:
                    errors.Add($"--{name}={value} is not valid.");
                    break;
            }
        }

        if (options.ServerPort == 0)
        {
            errors.Add("--server_port is required.");
        }

        if (options.TestCase.Length == 0)
        {
            errors.Add("--test_case is required.");
        }

        if (options.UseTestCa && options.TlsCaFile is null)
        {
            errors.Add("--use_test_ca needs --tls_ca_file=PATH: grpc's test ca.pem is not part of this repository.");
        }

        return errors.Count == 0 ? options : throw new ArgumentException(string.Join(Environment.NewLine, errors));
    }
}
