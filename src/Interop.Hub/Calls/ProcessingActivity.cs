using Interop.Contracts.V1;

namespace Interop.Hub.Calls;

/// <summary>
/// A processing activity of the hub, as listed in its register of processing activities (AVG art. 30): the id the
/// processing log records, with its retention period and confidentiality. The hub's activities are in
/// <see cref="ProcessingActivities"/>.
/// </summary>
/// <param name="Id">The register's id, e.g. "interop-verwijzing".</param>
/// <param name="Bewaartermijn">How long records of it are kept, as an ISO 8601 duration.</param>
/// <param name="Vertrouwelijkheid">Whether records of it are shown in inzage (vertrouwelijk ones are not).</param>
internal sealed record ProcessingActivity(string Id, string Bewaartermijn, Vertrouwelijkheid Vertrouwelijkheid = Vertrouwelijkheid.Normaal);
