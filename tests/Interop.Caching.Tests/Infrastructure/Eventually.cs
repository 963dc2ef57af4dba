using System.Diagnostics;

namespace Interop.Caching.Tests.Infrastructure;

/// <summary>
/// Polling for effects on a clock a test cannot fake (real Redis expiry, a hub process anchoring its log every second);
/// bounded so a miss fails fast. Also compiled into Interop.Hub.Tests and Interop.ProcessingLog.Tests.
/// </summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every 20 ms until it holds; fails after <paramref name="timeout"/>.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string because)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition().WaitAsync(TimeSpan.FromSeconds(10)))
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"Not true within {timeout}: {because}");
            }

            await Task.Delay(20);
        }
    }
}
