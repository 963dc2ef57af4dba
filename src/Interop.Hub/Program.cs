using Interop.Federation.Grpc;
using Interop.Federation.TokenService;
using Interop.Grpc.AspNetCore;
using Interop.Grpc.HealthCheck;
using Interop.Grpc.Reflection;
using Interop.Hub.Calls;
using Interop.Hub.Consent;
using Interop.Hub.Demo;
using Interop.Hub.Handovers;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Referrals;
using Interop.Hub.Health;
using Interop.Hub.JongereStatus;
using Interop.Hub.LegalBasis;
using Interop.Hub.Inzage;
using Interop.Hub.Notifications;
using Interop.Hub.Storage;
using Interop.ProcessingLog;

// The hub on its embedded defaults: SQLite for partners, keys, cases and the processing log, an in-memory cache, gRPC
// over h2c on :5000 and the OAuth token service on :5001 (see appsettings.json). Production sets
// Interop:Storage:Provider=PostgreSql with a connection string, Caching:Redis, and TLS endpoints.
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddGrpc(options => options.Interceptors.Add<HubExceptionInterceptor>());
// gRPC health ("" = the whole hub) follows what every call depends on: the partner registry and the shared state.
builder.Services.AddGrpcHealthChecks()
    .AddCheck<PartnerStoreHealthCheck>("partner-store")
    .AddCheck<SharedStateHealthCheck>("shared-state");
builder.Services.AddGrpcReflection();
builder.Services.AddInteropCaching();

// The registry, signing keys, processing log (Logboek Dataverwerkingen, append-only and hash-chained; `interop-admin
// log verify` checks it) and the cases, all on one provider.
builder.Services.AddHubStorage(builder.Configuration);
// Every 5 minutes (Interop:ProcessingLog:Anchors) the records appended since the last anchor are verified and the new
// head is published as an anchor (the log, and a file when set) for `interop-admin log verify --anchor-file`.
builder.Services.AddProcessingLogAnchors();
builder.Services.AddInteropTokenService();

// The purpose register and the statutory tasks per partner kind (Interop:LegalBasis), and the resolver every exchange
// asks: consent or statutory task, or the reason why not.
builder.Services.AddHubLegalBasis(builder.Configuration);

// BSN validation, keyed pseudonyms and encryption of personal data; keys come from Interop:Privacy, held outside the
// database (on a development machine with nothing configured, generated once under ~/.local/share/interop).
builder.Services.AddInteropPrivacy();

// Every gRPC call needs a hub access token holding the scope its method declares (interop.v1.required_scope),
// except health and reflection.
builder.Services.AddHubAuthorization();

// The services of contracts v1 (protos/interop/v1), one folder each.
builder.Services.AddHubReferrals();
builder.Services.AddHubConsent();
builder.Services.AddHubHandovers();
builder.Services.AddHubStatus();
builder.Services.AddHubNotifications(builder.Configuration);
builder.Services.AddHubInzage();

// With Interop:Demo:SeedWhenEmpty (on in appsettings.json), an empty registry gets the synthetic demo region Twente,
// and the start-up log says how to get a token and call the hub.
builder.Services.AddHubDemo(builder.Configuration);

var app = builder.Build();

app.MapGrpcHealthChecksService();
app.MapGrpcReflectionService();
app.MapInteropTokenService();
app.MapGrpcService<ReferralGrpcService>();
app.MapGrpcService<ConsentGrpcService>();
app.MapGrpcService<PlanHandoverGrpcService>();
app.MapGrpcService<StatusGrpcService>();
app.MapGrpcService<NotificationGrpcService>();
app.MapGrpcService<InzageGrpcService>();
app.MapGrpcService<DirectoryGrpcService>();

app.Run();
