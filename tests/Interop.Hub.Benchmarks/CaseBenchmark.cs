using System.Diagnostics;
using Interop.Contracts.V1;
using Interop.Federation.Benchmarks;
using Interop.Federation.Registry;
using Interop.Grpc;
using Interop.Testing.PostgreSql;
using OrganisationKind = Interop.Federation.Registry.OrganisationKind;

namespace Interop.Hub.Benchmarks;

/// <summary>
/// Referral submits (ROC to gemeente, zorg, resting on the jongere's consent: authenticated, consent checked, stored
/// durably with its processing record and notification) and status queries (the gemeente asks about jongeren it
/// holds consent for: every part filtered by basis, the read logged), and referral reads by the receiver (`read`), each
/// with N concurrent callers for a fixed time after a warm-up.
/// </summary>
internal static class CaseBenchmark
{
    private const string Roc = "00000001823288444000";
    private const string Gemeente = "00000001001234567000";
    private const string Purpose = "zorg-en-ondersteuning";

    // The setup's calls (consents, involvements, referrals to read) run 16 at a time.
    private static readonly ParallelOptions SetupParallelism = new() { MaxDegreeOfParallelism = 16 };

    public static async Task RunAsync(string command, int callers, TimeSpan duration, TimeSpan warmup, int jongeren, string synchronous, string driver, int requests, int connections, string? postgreSqlSettings)
    {
        // PostgreSQL: a throwaway cluster with the durable defaults (fsync, synchronous commit), started here.
        PostgreSqlCluster? cluster = null;
        PostgreSqlDatabase? database = null;
        string? connectionString = null;
        if (postgreSqlSettings is not null)
        {
            cluster = PostgreSqlCluster.Durable();
            await cluster.InitializeAsync();
            database = await cluster.CreateDatabaseAsync();
            connectionString = database.ConnectionString + (postgreSqlSettings.Length > 0 ? ";" + postgreSqlSettings : "");
        }

        try
        {
            await using var hub = await BenchHub.StartAsync(synchronous, connectionString);
            Console.WriteLine(connectionString is null ? $"Storage: SQLite, synchronous {synchronous}" : $"Storage: PostgreSQL (fsync on), settings '{postgreSqlSettings}'");
            await RunAsync(hub, command, callers, duration, warmup, jongeren, driver, requests, connections);
        }
        finally
        {
            if (database is not null)
            {
                await database.DisposeAsync();
            }

            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }
        }
    }

    private static async Task RunAsync(BenchHub hub, string command, int callers, TimeSpan duration, TimeSpan warmup, int jongeren, string driver, int requests, int connections)
    {
        await hub.Registry.AddOrganisationAsync(new Organisation(Roc, "ROC van Twente", OrganisationKind.Roc, "RMC38") { ReferralLeefgebieden = [Leefgebied.Onderwijs] });
        await hub.Registry.AddOrganisationAsync(new Organisation(Gemeente, "Gemeente Enschede", OrganisationKind.Gemeente, "RMC38") { ReferralLeefgebieden = [Leefgebied.Zorg], AcceptsHandovers = true });
        var roc = await hub.ClientAsync(Roc, "bench-roc");
        var gemeente = await hub.ClientAsync(Gemeente, "bench-gemeente");

        // Synthetic jongeren, each with a consent (recorded by the ROC) for the gemeente to receive zorg data.
        var pool = await PrepareJongerenAsync(roc, jongeren);
        Console.WriteLine($"Prepared {pool.Count} synthetic jongeren with consent.");

        if (command is "submit" or "all")
        {
            var sequence = 0L;
            await MeasureAsync(hub, $"SubmitReferral, {callers} concurrent callers", callers, duration, warmup, async () =>
            {
                var n = Interlocked.Increment(ref sequence);
                await new ReferralService.ReferralServiceClient(roc).SubmitReferralAsync(ReferralRequest(pool[(int)(n % pool.Count)]));
            });
        }

        if (command is "read")
        {
            // The receiver reads referrals it received (resting on consent, so each read decides whether the consent
            // still covers the identifying details), each read recorded before it is answered.
            var submitted = await SubmitOnePerJongereAsync(roc, pool);
            Console.WriteLine($"Submitted {submitted.Count} referrals to read.");
            var referrals = new ReferralService.ReferralServiceClient(gemeente);
            var sequence = 0L;
            await MeasureAsync(hub, $"GetReferral by the receiver, {callers} concurrent callers", callers, duration, warmup, async () =>
            {
                var n = Interlocked.Increment(ref sequence);
                await referrals.GetReferralAsync(new GetReferralRequest { ReferralId = submitted[(int)(n % submitted.Count)] });
            });
        }

        if (command is "floor")
        {
            // The floor under every hub call: the same client, connection, token and authorization, on a call that
            // touches no personal data (a directory lookup served from the partner cache).
            var request = new GetPartnerRequest { Oin = Roc };
            if (driver is "h2load")
            {
                var probe = await new DirectoryService.DirectoryServiceClient(gemeente).GetPartnerAsync(request);
                await H2LoadDriver.MeasureAsync(
                    "Directory GetPartner (floor)", hub.GrpcAddress, $"/{DirectoryService.Descriptor.FullName}/GetPartner", request,
                    await hub.TokenAsync("bench-gemeente"), callers, connections, requests, responseFrameBytes: 5 + probe.CalculateSize(), count: null, () => hub.ProcessorTime);
            }
            else
            {
                await MeasureAsync(hub, $"Directory GetPartner (floor), {callers} concurrent callers", callers, duration, warmup, async () =>
                {
                    await new DirectoryService.DirectoryServiceClient(gemeente).GetPartnerAsync(request);
                });
            }
        }

        if (command is "status" or "all" && driver is "h2load")
        {
            // h2load sends one prebuilt request: every query asks about the same jongere of the pool.
            var request = new GetJongereStatusRequest { Subject = new Subject { Bsn = pool[0].Bsn }, Purpose = new Purpose { Code = Purpose } };
            await new StatusService.StatusServiceClient(gemeente).GetJongereStatusAsync(request);
            await H2LoadDriver.MeasureAsync(
                "GetJongereStatus, one jongere", hub.GrpcAddress, $"/{StatusService.Descriptor.FullName}/GetJongereStatus", request,
                await hub.TokenAsync("bench-gemeente"), callers, connections, requests, responseFrameBytes: null, count: hub.ProcessingRecordCountAsync, () => hub.ProcessorTime);
        }
        else if (command is "status" or "all")
        {
            var sequence = 0L;
            await MeasureAsync(hub, $"GetJongereStatus, {callers} concurrent callers", callers, duration, warmup, async () =>
            {
                var n = Interlocked.Increment(ref sequence);
                var (bsn, _) = pool[(int)(n % pool.Count)];
                await new StatusService.StatusServiceClient(gemeente).GetJongereStatusAsync(new GetJongereStatusRequest
                {
                    Subject = new Subject { Bsn = bsn },
                    Purpose = new Purpose { Code = Purpose },
                });
            });
        }
    }

    private static async Task<List<string>> SubmitOnePerJongereAsync(CallInvoker roc, List<(string Bsn, string ConsentId)> pool)
    {
        var referrals = new ReferralService.ReferralServiceClient(roc);
        var ids = new string[pool.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, pool.Count), SetupParallelism, async (i, _) =>
        {
            var referral = await referrals.SubmitReferralAsync(ReferralRequest(pool[i]));
            ids[i] = referral.ReferralId;
        });
        return [.. ids];
    }

    private static SubmitReferralRequest ReferralRequest((string Bsn, string ConsentId) jongere) => new()
    {
        IdempotencyKey = Guid.NewGuid().ToString("N"),
        ReceiverOin = Gemeente,
        Subject = new Subject { Bsn = jongere.Bsn },
        Person = new PersonDetails { GivenName = "Sam", FamilyName = "Voorbeeld", BirthDate = "2007-05-01" },
        Leefgebieden = { Leefgebied.Zorg },
        Reason = "Synthetic benchmark referral: needs support at home.",
        Urgency = Urgency.Regular,
        LegalBasis = new Contracts.V1.LegalBasis { ConsentId = jongere.ConsentId },
        Purpose = new Purpose { Code = Purpose },
    };

    private static async Task<List<(string Bsn, string ConsentId)>> PrepareJongerenAsync(CallInvoker roc, int count)
    {
        var consents = new ConsentService.ConsentServiceClient(roc);
        var involvement = new StatusService.StatusServiceClient(roc);
        var pool = new (string, string)[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), SetupParallelism, async (i, _) =>
        {
            var bsn = SyntheticBsn(i);
            var consent = await consents.RegisterConsentAsync(new RegisterConsentRequest
            {
                Subject = new Subject { Bsn = bsn },
                Grantee = new ConsentGrantee { OrganisationOin = Gemeente },
                Purpose = new Purpose { Code = Purpose },
                Leefgebieden = { Leefgebied.Zorg },
                DataCategories = { DataCategory.Bsn, DataCategory.Identifying, DataCategory.Contact, DataCategory.Pseudonym, DataCategory.Involvement, DataCategory.Case, DataCategory.Health },
                GivenBy = ConsentGiver.Subject,
                Evidence = new ConsentEvidence { Kind = ConsentEvidenceKind.SignedForm, Reference = "form-" + i },
                RecordedByProfessional = "mentor-" + (i % 50),
            });
            await involvement.RegisterInvolvementAsync(new RegisterInvolvementRequest
            {
                Subject = new Subject { Bsn = bsn },
                Leefgebieden = { Leefgebied.Onderwijs },
                LegalBasis = new Contracts.V1.LegalBasis { StatutoryTask = new StatutoryTask { Code = "verzuimmelding" } },
            });
            pool[i] = (bsn, consent.ConsentId);
        });
        return [.. pool];
    }

    private static async Task MeasureAsync(BenchHub hub, string title, int callers, TimeSpan duration, TimeSpan warmup, Func<Task> call)
    {
        Console.WriteLine();
        Console.WriteLine($"## {title}");
        var errors = new System.Collections.Concurrent.ConcurrentDictionary<StatusCode, int>();
        var measuring = false;
        var stop = false;
        var recorders = Enumerable.Range(0, callers).Select(_ => new LatencyRecorder(2_000_000)).ToArray();
        var workers = recorders.Select(recorder => Task.Run(async () =>
        {
            while (!Volatile.Read(ref stop))
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await call();
                    if (Volatile.Read(ref measuring))
                    {
                        recorder.Record(start);
                    }
                }
                catch (RpcException ex)
                {
                    errors.AddOrUpdate(ex.StatusCode, 1, (_, n) => n + 1);
                }
            }
        })).ToArray();

        await Task.Delay(warmup);
        Volatile.Write(ref measuring, true);
        var clock = Stopwatch.StartNew();
        var (hubBefore, clientBefore) = (hub.ProcessorTime, Process.GetCurrentProcess().TotalProcessorTime);
        await Task.Delay(duration);
        Volatile.Write(ref measuring, false);
        var elapsed = clock.Elapsed;
        var (hubCpu, clientCpu) = (hub.ProcessorTime - hubBefore, Process.GetCurrentProcess().TotalProcessorTime - clientBefore);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(workers);

        var count = recorders.Sum(r => r.Count);
        var (p50, p99) = LatencyRecorder.Percentiles(recorders);
        Console.WriteLine($"- calls: {count} in {elapsed.TotalSeconds:F1} s = {count / elapsed.TotalSeconds:F0} calls/s");
        Console.WriteLine($"- latency: p50 {p50:F2} ms, p99 {p99:F2} ms");
        Console.WriteLine($"- hub CPU: {hubCpu.TotalMicroseconds / count:F0} µs per call, {hubCpu.TotalSeconds / elapsed.TotalSeconds:F2} cores on average; "
            + $"benchmark client: {clientCpu.TotalSeconds / elapsed.TotalSeconds:F2} cores");
        Console.WriteLine($"- errors: {(errors.IsEmpty ? "none" : string.Join(", ", errors.Select(e => $"{e.Key} x{e.Value}")))}");
        Console.WriteLine($"- load average after: {MachineInfo.LoadAverage()}");
    }

    // Made-up BSNs that pass the elfproef (starting with 8, so no test's BSNs); no one has them.
    private static string SyntheticBsn(int index)
    {
        for (var n = index * 11; ; n++)
        {
            var body = "8" + (n % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                sum += (9 - i) * (body[i] - '0');
            }

            if (sum % 11 < 10)
            {
                return body + (char)('0' + (sum % 11));
            }
        }
    }
}
