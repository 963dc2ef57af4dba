using Interop.Federation.Grpc.Tests.Protos;
using Interop.Grpc;

namespace Interop.Federation.Grpc.Tests.Functional;

/// <summary>Shorthands for calling the test service and capturing a refusal.</summary>
internal static class Calls
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    public static Metadata Authorization(string value) => new() { { "authorization", value } };

    public static Metadata Bearer(string token) => Authorization("Bearer " + token);

    public static Task<CallerEcho> ReadAsync(this Referrals.ReferralsClient client, Metadata? headers = null) =>
        client.ReadAsync(new Probe { Text = "read" }, headers).ResponseAsync.WaitAsync(CallTimeout);

    public static Task<RpcException> RefusedReadAsync(this Referrals.ReferralsClient client, Metadata? headers = null) =>
        Assert.ThrowsAsync<RpcException>(() => client.ReadAsync(headers));
}
